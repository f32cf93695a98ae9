import com.sap.gateway.ip.core.customdev.util.Message

// Turns each list price into Kestrel's net purchase price. The rule comes
// from the partner profile as a formula over "x", e.g. "x * 0.92 - 1.5".
def Message processData(Message message) {
    def formula = message.getProperty("PriceFormula") ?: "x"
    def catalog = new XmlSlurper().parse(message.getBody(Reader))
    def net = catalog.T_NEW_CATALOG.ARTICLE.collect { article ->
        def listPrice = new BigDecimal(article.ARTICLE_PRICE_DETAILS.ARTICLE_PRICE.PRICE_AMOUNT.text())
        [id: article.SUPPLIER_AID.text(), net: Eval.x(listPrice, formula)]
    }
    message.setProperty("NetPrices", net)
    return message
}
