import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'cert-weak-signature',
  title: 'Weak certificate signature',
  section: 'certificates',
  defaultSeverity: 'warning',
  faq: [FAQ.messageLevelProcedure],
  helpUrl: helpPageUrl('463a9085156d4672bc4ee9095277e453'), // Message-Level Security
};
