import com.sap.gateway.ip.core.customdev.util.Message

// Support asked for "everything" in the log while the catalog format was
// being agreed with the supplier.
def Message processData(Message message) {
    def messageLog = messageLogFactory.getMessageLog(message)
    def body = message.getBody(String)
    message.getHeaders().each { name, value ->
        messageLog.addCustomHeaderProperty(name, String.valueOf(value))
    }
    messageLog.addAttachmentAsString("Supplier catalog", body, "text/xml")
    if (message.getProperty("EnableScriptLog") == "true") {
        // cpi-security-lint-disable-next-line script-mpl-attachment -- list prices only, no personal data; the switch is off on production
        messageLog.addAttachmentAsString("Net prices", String.valueOf(message.getProperty("NetPrices")), "text/plain")
    }
    return message
}
