import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { text } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what:
    'A self-signed certificate whose usage is outbound, or undeclared (then treated as outbound). A self-signed CA ' +
    'certificate (basic constraints CA true) is a trust anchor and is not reported.',
  why:
    'For outbound connections SAP recommends a CA-signed base certificate: receivers then trust the issuing CA once ' +
    'instead of pinning each certificate, and many refuse self-signed ones outright.',
  fix:
    'Create the key pair in the tenant keystore, download its signing request, have a CA sign it and upload the signing ' +
    'response. If the file is really used for message-level security, declare that under `certificates.messageLevel`.',
  before: text('subject= CN=cpi-client.example.com', 'issuer=  CN=cpi-client.example.com'),
  after: text('subject= CN=cpi-client.example.com', 'issuer=  CN=Example Issuing CA G2, O=Example Trust'),
  sapPages: [SAP_PAGES.transportLevelSecurity, SAP_PAGES.managingKeystoreEntries],
};
