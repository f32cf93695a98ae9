import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { text } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what:
    'A secret that a script writes to a log or into the message body: a value read from the secure store (`getPassword()` ' +
    'or `getAccessToken()` on what `SecureStoreService`, `getUserCredential`, `getSecureParameter` or ' +
    '`AccessTokenAndUrlService` returned) or the incoming `Authorization` header (`getHeader("Authorization")`, ' +
    '`headers.get("Authorization")`), directly or through variables built from it (concatenation, interpolation, ' +
    '`new String(…)`, `.toString()`, encoders, `put`/`append` into a holder), reaching `addAttachmentAsString`, ' +
    '`setStringProperty` or `addCustomHeaderProperty` of the message log, a logger (`log.*`, `println`, ' +
    '`System.out`/`System.err`, `console.*`) or `message.setBody`. The finding sits on the argument and says where the ' +
    'secret was read.\n\n' +
    'Variables are followed within each method (script-level ones everywhere) and never lose a secret once they held one, ' +
    'so a branch that overwrites it is not noticed. A method the script itself declares is taken to return what it was ' +
    'given (such helpers build the request text); a call on another object (an HTTP client) is taken to use the secret, ' +
    'not to return it. Groovy property syntax (`credential.password`, `message.headers`) is not followed.',
  why:
    'Everything written to the message processing log (attachments, string properties, custom header properties) is shown ' +
    'in message monitoring to everyone allowed to monitor messages, and kept with the log; logger output lands in system ' +
    'logs; the body travels to the receiver and into traces. A password or token there can be read and replayed.',
  fix:
    'Remove sensitive or secret content before logging or forwarding: log that a credential was found, or its alias, never ' +
    'its value, and drop the `Authorization` header from anything you log.',
  before: text(
    'def credential = store.getUserCredential("BACKEND_USER")',
    'def password = new String(credential.getPassword())',
    'messageLog.setStringProperty("password", password)',
  ),
  after: text('def credential = store.getUserCredential("BACKEND_USER")', 'messageLog.setStringProperty("credential", "BACKEND_USER")'),
  sapPages: [SAP_PAGES.dataFlowSecurity, SAP_PAGES.securityMaterial],
};
