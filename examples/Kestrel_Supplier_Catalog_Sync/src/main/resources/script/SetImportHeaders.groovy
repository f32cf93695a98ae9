import com.sap.gateway.ip.core.customdev.util.Message

// Names the supplier and catalog for the product import, and counts the
// articles in the log only while the iFlow's log switch is on.
def Message processData(Message message) {
    def catalog = new XmlSlurper().parse(message.getBody(Reader))
    message.setHeader("SupplierId", catalog.HEADER.SUPPLIER.SUPPLIER_ID.text())
    message.setHeader("CatalogId", message.getProperty("CatalogId"))
    def messageLog = messageLogFactory.getMessageLog(message)
    if (messageLog != null && message.getProperty("EnableScriptLog") == "true") {
        messageLog.setStringProperty("Articles", String.valueOf(message.getProperty("ArticleCount")))
    }
    return message
}
