import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { iflw } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'A Mail channel, sender or receiver, with `ssl` (Protection) = `off`.',
  why:
    'Mails, attachments and the login exchange then travel unencrypted. One legitimate exception: an on-premise mail ' +
    'server that wants SMTPS is configured with Off in the channel and TLS in Cloud Connector; suppress the finding there ' +
    'with that reason.',
  fix: 'SMTP: `starttls_mandatory` (port 587) or `smtps` (465). IMAP/POP3: `imaps` (993) or `pop3s` (995).',
  before: iflw(['server', 'smtp.example.com:587'], ['ssl', 'off']),
  after: iflw(['server', 'smtp.example.com:587'], ['ssl', 'starttls_mandatory']),
  sapPages: [SAP_PAGES.useSecureProtocols, SAP_PAGES.mailReceiver, SAP_PAGES.mailSender],
};
