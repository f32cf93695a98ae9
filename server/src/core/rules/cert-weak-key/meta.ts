import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'cert-weak-key',
  title: 'Weak certificate key',
  section: 'certificates',
  defaultSeverity: 'error',
  faq: [FAQ.caSignedMandatory],
  helpUrl: helpPageUrl('78957243ced5427abf130ce3f90d3234'), // Security Aspects of Data, Data Flow for Cloud Integration
};
