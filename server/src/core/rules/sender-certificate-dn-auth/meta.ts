import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'sender-certificate-dn-auth',
  title: 'Sender authenticates by certificate subject and issuer',
  section: 'authentication',
  defaultSeverity: 'warning',
  faq: [FAQ.selfSignedClientAuth, FAQ.caSignedMandatory, FAQ.approvedCas],
  helpUrl: helpPageUrl('a178913a4d3245ab9bff2a0edcc331d5'), // Configure the SOAP (SOAP 1.x) Sender Adapter
};
