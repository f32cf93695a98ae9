import { FAQ, faqUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'inbound-cert-self-signed',
  title: 'Self-signed inbound client certificate',
  section: 'authentication',
  defaultSeverity: 'error',
  faq: [FAQ.selfSignedClientAuth, FAQ.caSignedMandatory, FAQ.approvedCas],
  helpUrl: faqUrl(FAQ.selfSignedClientAuth),
};
