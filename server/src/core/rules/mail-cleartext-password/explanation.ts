import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { iflw } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'A Mail channel with plain password login (`auth` = `loginPlain`, older `plain`) while `ssl` is `off` or ' + '`starttls_optional`.',
  why:
    'Plain login sends user name and password as they are. Without enforced encryption anyone on the path can read ' +
    'them, and with optional STARTTLS a server that does not offer TLS, or an attacker who strips it, gets them in clear.',
  fix:
    'Enforce encryption (`starttls_mandatory`, `smtps`, `imaps` or `pop3s`). Where encryption is impossible, ' +
    '`loginEncrypted` at least avoids sending the password itself.',
  before: iflw(['server', 'smtp.example.com:587'], ['auth', 'loginPlain'], ['ssl', 'starttls_optional']),
  after: iflw(['server', 'smtp.example.com:587'], ['auth', 'loginPlain'], ['ssl', 'starttls_mandatory']),
  sapPages: [SAP_PAGES.mailReceiver, SAP_PAGES.useSecureProtocols],
};
