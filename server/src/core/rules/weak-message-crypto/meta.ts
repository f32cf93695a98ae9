import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'weak-message-crypto',
  title: 'Weak message-level signing or encryption algorithm',
  section: 'authentication',
  defaultSeverity: 'warning',
  faq: [FAQ.messageLevelProcedure, FAQ.selfSignedMessageLevel],
  helpUrl: helpPageUrl('463a9085156d4672bc4ee9095277e453'), // Message-Level Security
};
