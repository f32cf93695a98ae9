import { FAQ, faqUrl } from '../../knowledge/sap-help';
import type { RuleMeta } from '../catalogue';

export const meta: RuleMeta = {
  id: 'inbound-cert-self-signed',
  title: 'Self-signed inbound client certificate',
  section: 'authentication',
  defaultSeverity: 'error',
  faq: [FAQ.selfSignedClientAuth, FAQ.caSignedMandatory, FAQ.approvedCas],
  helpUrl: faqUrl(FAQ.selfSignedClientAuth),
};
