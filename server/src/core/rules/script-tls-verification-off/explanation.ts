import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { text } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what:
    'A Groovy or JavaScript script that turns off the checks of its own TLS connections: a `TrustManager` / ' +
    '`X509TrustManager` whose `checkServerTrusted` has an empty body (a class, an anonymous class, a map or object of ' +
    'functions); a `HostnameVerifier` whose `verify` returns `true` and nothing else (a class, `new HostnameVerifier() {…}`, ' +
    'a closure or map coerced with `as HostnameVerifier`), or a closure or function returning `true` handed to ' +
    "`setHostnameVerifier` / `setDefaultHostnameVerifier` (or assigned to Groovy's `hostnameVerifier` property); " +
    "Apache HttpClient's `NoopHostnameVerifier`, " +
    '`AllowAllHostnameVerifier`, `ALLOW_ALL_HOSTNAME_VERIFIER`, `TrustAllStrategy` and `TrustSelfSignedStrategy`; ' +
    "HTTPBuilder's `ignoreSSLIssues()`.\n\n" +
    'A verifier that compares the host with anything, or a trust manager that checks anything, is not flagged: the rule ' +
    'does not judge how good such a check is.',
  why:
    "TLS protects a connection only when the client checks that the server's certificate chain leads to a trusted CA and " +
    'names the host it called. Without those checks anyone in the network path can present any certificate, read the ' +
    "message and the credentials sent with it, and answer in the server's place. Cloud Integration's adapters always check " +
    'the server against the tenant keystore; a script that opens its own connection must not do less.',
  fix:
    "Remove the custom trust manager and host name verifier and use the JVM's defaults (or the `SSLContext` the tenant " +
    "provides); add the server's root CA to the tenant keystore when it is not trusted yet. Better still, call the system " +
    'through a receiver channel, which checks the certificate for you.',
  before: text(
    'connection.setHostnameVerifier({ host, session -> true } as HostnameVerifier)',
    'def trustAll = [checkServerTrusted: { chain, type -> }, checkClientTrusted: { chain, type -> }, getAcceptedIssuers: { null }] as X509TrustManager',
  ),
  after: text(
    '// keep the default verifier and trust managers',
    'def connection = new URL("https://erp.example.com/api").openConnection()',
  ),
  sapPages: [SAP_PAGES.transportLevelSecurity],
};
