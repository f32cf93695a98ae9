import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { text } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'A self-signed certificate declared for message-level security (`certificates.messageLevel`).',
  why:
    'Self-signed certificates are allowed for message-level signing and encryption, but they carry no third-party ' +
    'assurance of ownership and must be exchanged and trusted one by one, so CA-signed certificates are recommended.',
  fix: 'Use a CA-signed certificate when the partner can accept it; otherwise keep this as information.',
  before: text('subject= CN=orders-signing', 'issuer=  CN=orders-signing'),
  after: text('subject= CN=orders-signing', 'issuer=  CN=Example Issuing CA G2, O=Example Trust'),
  sapPages: [SAP_PAGES.messageLevelSecurity],
};
