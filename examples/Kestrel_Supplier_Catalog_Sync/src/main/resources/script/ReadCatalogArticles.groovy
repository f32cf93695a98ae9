import com.sap.gateway.ip.core.customdev.util.Message
import javax.xml.parsers.DocumentBuilderFactory
import org.xml.sax.InputSource

// Counts the articles of the uploaded catalog and remembers the catalog id
// for the later steps. The catalog comes from outside Kestrel, so whatever
// DOCTYPE it carries is read by the parser below.
def Message processData(Message message) {
    def factory = DocumentBuilderFactory.newInstance()
    factory.setNamespaceAware(true)
    def document = factory.newDocumentBuilder().parse(new InputSource(message.getBody(Reader)))
    def header = document.getElementsByTagName("CATALOG_ID")
    message.setProperty("CatalogId", header.getLength() > 0 ? header.item(0).getTextContent().trim() : "unknown")
    message.setProperty("ArticleCount", document.getElementsByTagName("ARTICLE").getLength())
    return message
}
