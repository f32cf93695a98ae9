import { FAQ, faqUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'message-cert-self-signed',
  title: 'Self-signed message-level certificate',
  section: 'certificates',
  defaultSeverity: 'information',
  faq: [FAQ.selfSignedMessageLevel, FAQ.messageLevelProcedure],
  helpUrl: faqUrl(FAQ.selfSignedMessageLevel),
};
