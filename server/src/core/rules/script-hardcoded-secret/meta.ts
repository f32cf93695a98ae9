import { helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';
import { SCRIPTING_GUIDANCE } from '@cpi/common/knowledge/guidance-ids';

export const meta: RuleMeta = {
  id: 'script-hardcoded-secret',
  title: 'Credential written into a script',
  section: 'scripts',
  defaultSeverity: 'error',
  faq: [SCRIPTING_GUIDANCE.credentialsInMessage],
  helpUrl: helpPageUrl('b8ccb53b9ec44652b885476f02184a0f'), // Managing Security Material
};
