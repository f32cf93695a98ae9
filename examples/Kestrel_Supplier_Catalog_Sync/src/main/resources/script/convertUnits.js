importClass(Packages.com.sap.gateway.ip.core.customdev.util.Message);

// Hands the catalog to the supplier's unit service, which turns imperial
// pack sizes into metric ones before the product import.
function processData(message) {
  var system = message.getProperty("UnitSystem") || "metric";
  message.setHeader("CamelHttpUri", "http://units.trailgear.example.com/convert");
  message.setHeader("CamelHttpQuery", "target=" + system);
  return message;
}
