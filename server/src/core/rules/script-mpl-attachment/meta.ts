import { helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';
import { SCRIPTING_GUIDANCE } from '@cpi/common/knowledge/guidance-ids';

export const meta: RuleMeta = {
  id: 'script-mpl-attachment',
  title: 'Script attaches content to the message processing log',
  section: 'scripts',
  defaultSeverity: 'warning',
  faq: [SCRIPTING_GUIDANCE.mplVisibility, SCRIPTING_GUIDANCE.logSwitches],
  helpUrl: helpPageUrl('78957243ced5427abf130ce3f90d3234'), // Security Aspects of Data, Data Flow for Cloud Integration
  guideline: 'AVOID_CREATING_MPL_ATTACHMENTS',
};
