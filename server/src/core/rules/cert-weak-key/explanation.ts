import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { text } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'A certificate whose key is too weak: RSA below 2048 bits, any DSA key, or EC below 256 bits.',
  why:
    'Short keys can be broken with affordable effort, and such certificates are rejected by current TLS stacks and by ' +
    'CAs, so they undermine both transport and message-level protection.',
  fix: 'Create a new key pair with RSA 2048 bits or more (3072 for long-lived keys) or EC P-256 or stronger, and have it signed.',
  before: text('Public-Key: (1024 bit)', 'Signature Algorithm: sha256WithRSAEncryption'),
  after: text('Public-Key: (3072 bit)', 'Signature Algorithm: sha256WithRSAEncryption'),
  sapPages: [SAP_PAGES.dataFlowSecurity],
};
