import { helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';
import { SCRIPTING_GUIDANCE } from '@cpi/common/knowledge/guidance-ids';

export const meta: RuleMeta = {
  id: 'script-secret-logged',
  title: 'Secret written to a log by a script',
  section: 'scripts',
  defaultSeverity: 'error',
  faq: [SCRIPTING_GUIDANCE.mplVisibility],
  helpUrl: helpPageUrl('78957243ced5427abf130ce3f90d3234'), // Security Aspects of Data, Data Flow for Cloud Integration
};
