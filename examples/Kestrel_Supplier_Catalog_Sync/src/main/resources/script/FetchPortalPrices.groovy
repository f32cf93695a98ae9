import com.sap.gateway.ip.core.customdev.util.Message
import com.sap.it.api.ITApiFactory
import com.sap.it.api.securestore.SecureStoreService
import groovy.json.JsonSlurper

// Asks the TrailGear supplier portal for today's prices of the catalog.
// Written in a hurry during the portal migration: the login is read from the
// secure store, but then it travels much further than the portal.
def Message processData(Message message) {
    def messageLog = messageLogFactory.getMessageLog(message)
    def store = ITApiFactory.getService(SecureStoreService.class, null)
    def credential = store.getUserCredential("TRAILGEAR_PORTAL")
    def password = new String(credential.getPassword())
    messageLog?.setStringProperty("Portal login", credential.getUsername() + " / " + password)

    def portalApiKey = "tg-live-7Rk2pQ9vXw4mZs8d"
    def basic = "${credential.getUsername()}:${password}".bytes.encodeBase64().toString()
    message.setHeader("Authorization", "Basic " + basic)

    def catalogId = message.getProperty("CatalogId")
    def connection = new URL("http://portal.trailgear.example.com/api/v2/prices?catalog=" + catalogId).openConnection()
    connection.setRequestProperty("X-Api-Key", portalApiKey)
    connection.setRequestProperty("Accept", "application/json")
    def prices = new JsonSlurper().parse(connection.getInputStream())
    message.setProperty("PriceCount", prices.items.size())
    return message
}
