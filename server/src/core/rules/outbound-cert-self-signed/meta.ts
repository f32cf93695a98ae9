import { FAQ, faqUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'outbound-cert-self-signed',
  title: 'Self-signed outbound certificate',
  section: 'certificates',
  defaultSeverity: 'warning',
  faq: [FAQ.selfSignedClientAuth, FAQ.caSignedMandatory, FAQ.keystoreOwner],
  helpUrl: faqUrl(FAQ.selfSignedClientAuth),
};
