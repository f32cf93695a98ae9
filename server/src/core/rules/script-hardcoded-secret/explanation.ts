import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { text } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what:
    'A credential written into a Groovy or JavaScript script: a string literal assigned to, or passed as, a name whose last ' +
    'word is `password`, `passwd`, `pwd`, `secret`, `token`, `apiKey`, `privateKey` or `clientSecret` (a variable, a field, ' +
    'a map key, a named argument, a setter such as `setPassword("…")`); a `Basic` credential (base64 of `user:password`, in ' +
    'a `"Basic …"` literal or in the same statement as one); a literal `Bearer` token of 16 characters or more; a JSON Web ' +
    'Token; a PEM private-key block with its key material.\n\n' +
    'Only literals that could be secrets count: 8 to 512 characters, no white space, not a URL, not a placeholder ' +
    '(`<…>`, `${…}`, `{{…}}`, only `*` or `x`) and not a plain name such as `SAP_ClientSecret`, which is how property, ' +
    'header and credential names look. A password made of letters only is therefore missed on purpose, and so is a secret ' +
    'put into a map by `put("password", "…")` or into a header by `setHeader`, which name no variable.',
  why:
    'Scripts travel with the integration package: whoever can read the package, its exports or the Git history reads the ' +
    'credential, and it cannot be rotated without changing and redeploying the content. Cloud Integration keeps credentials ' +
    'as security material (User Credentials, Secure Parameters, keystore entries) that only the tenant can read at run time.',
  fix:
    'Deploy the secret as a Secure Parameter or User Credentials artifact (a key as a keystore entry), read it in the script ' +
    'through `SecureStoreService` (or let the adapter use the credential by name), remove the literal and rotate the secret, ' +
    'which has been exposed.',
  before: text('def password = "Sup3r-S3cret!"', 'message.setHeader("Authorization", "Basic YWRtaW46U3VwM3ItUzNjcmV0IQ==")'),
  after: text(
    'def store = ITApiFactory.getApi(SecureStoreService.class, null)',
    'def credential = store.getUserCredential("BACKEND_USER")',
    '// better still: let the receiver adapter authenticate with the credential BACKEND_USER',
  ),
  sapPages: [SAP_PAGES.securityMaterial],
};
