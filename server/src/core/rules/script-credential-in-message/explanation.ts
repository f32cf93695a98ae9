import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { text } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what:
    'A value read from the secure store (`getPassword()` or `getAccessToken()` on what `SecureStoreService`, ' +
    '`getUserCredential`, `getSecureParameter` or `AccessTokenAndUrlService` returned), directly or through variables built ' +
    'from it, written into a message header or property with `setHeader`, `setProperty`, `setHeaders` or `setProperties`, ' +
    'including an `Authorization` header built from it (for example `"Basic " + "$user:$password".bytes.encodeBase64()`). ' +
    'The finding sits on the value and says where the secret was read. The incoming `Authorization` header copied along is ' +
    'not flagged here: it was already in the message.',
  why:
    'Headers and properties are shown in clear text by message tracing and travel with the message through every later ' +
    "step; headers may even be sent on to receivers. SAP's design guideline asks not to access secure parameters in " +
    'scripts to put them into the message, and recommends standard channels that use a User Credentials artifact by name ' +
    'over building `Authorization` headers in scripts.',
  fix:
    'Configure the receiver channel with the credential (Basic, OAuth 2.0 client credentials, …) by its name, so the ' +
    'secret never enters the message. If a script must use it, use it in the script (for example for its own call) and ' +
    'do not store it in a header or property.',
  before: text(
    'def credential = store.getUserCredential("BACKEND_USER")',
    'def auth = "${credential.getUsername()}:${new String(credential.getPassword())}".bytes.encodeBase64()',
    'message.setHeader("Authorization", "Basic " + auth)',
  ),
  after: text('// HTTP receiver channel: Authentication = Basic, Credential Name = BACKEND_USER'),
  sapPages: [SAP_PAGES.useSecureAuthentication, SAP_PAGES.securityMaterial],
};
