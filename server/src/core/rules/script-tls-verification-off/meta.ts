import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'script-tls-verification-off',
  title: 'Script switches off certificate or host name checks',
  section: 'scripts',
  defaultSeverity: 'error',
  faq: [FAQ.caSignedMandatory],
  helpUrl: helpPageUrl('50321f2ec03f48fd9a92a92eed4dc1bc'), // Transport Level Security
};
