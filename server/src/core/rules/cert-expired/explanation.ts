import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { text } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'A certificate whose validity has ended (notAfter in the past) or not yet begun (notBefore in the future).',
  why: 'TLS handshakes and signature checks with such a certificate fail, so every channel that uses it stops working.',
  fix: 'Renew the certificate, upload it to the tenant keystore under the alias the channels use, and replace the file.',
  before: text('notBefore=Mar  1 00:00:00 2023 GMT', 'notAfter=Mar  1 00:00:00 2024 GMT'),
  after: text('notBefore=Feb 15 00:00:00 2026 GMT', 'notAfter=Feb 15 00:00:00 2027 GMT'),
  sapPages: [SAP_PAGES.keystore, SAP_PAGES.managingKeystoreEntries],
};
