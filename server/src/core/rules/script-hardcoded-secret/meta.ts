import { helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'script-hardcoded-secret',
  title: 'Credential written into a script',
  section: 'scripts',
  defaultSeverity: 'error',
  faq: [],
  helpUrl: helpPageUrl('b8ccb53b9ec44652b885476f02184a0f'), // Managing Security Material
};
