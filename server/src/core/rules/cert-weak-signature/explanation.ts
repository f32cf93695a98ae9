import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { text } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'A certificate signed with SHA-1, MD5 or MD2.',
  why:
    'Collisions for these hash functions let an attacker produce a different certificate with the same signature, so the ' +
    "CA's signature no longer proves anything.",
  fix: 'Have the certificate reissued with a SHA-256 (or stronger) signature.',
  before: text('Signature Algorithm: sha1WithRSAEncryption'),
  after: text('Signature Algorithm: sha256WithRSAEncryption'),
  sapPages: [SAP_PAGES.messageLevelSecurity],
};
