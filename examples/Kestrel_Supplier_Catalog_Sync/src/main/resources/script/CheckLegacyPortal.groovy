import com.sap.gateway.ip.core.customdev.util.Message
import java.security.SecureRandom
import java.security.cert.X509Certificate
import javax.net.ssl.HostnameVerifier
import javax.net.ssl.HttpsURLConnection
import javax.net.ssl.SSLContext
import javax.net.ssl.TrustManager
import javax.net.ssl.X509TrustManager

// The supplier's old portal still runs on a certificate nobody renewed, so
// this availability check was made to accept any certificate and any host.
class AcceptAnyCertificate implements X509TrustManager {
    void checkClientTrusted(X509Certificate[] chain, String authType) {}
    void checkServerTrusted(X509Certificate[] chain, String authType) {}
    X509Certificate[] getAcceptedIssuers() { new X509Certificate[0] }
}

def Message processData(Message message) {
    def context = SSLContext.getInstance("TLS")
    context.init(null, [new AcceptAnyCertificate()] as TrustManager[], new SecureRandom())
    def connection = (HttpsURLConnection) new URL("https://legacy.trailgear.example.com/status").openConnection()
    connection.setSSLSocketFactory(context.getSocketFactory())
    connection.setHostnameVerifier({ host, session -> true } as HostnameVerifier)
    message.setProperty("LegacyPortalUp", connection.getResponseCode() == 200)
    return message
}
