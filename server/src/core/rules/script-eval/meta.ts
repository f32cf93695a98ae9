import { helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';
import { SCRIPTING_GUIDANCE } from '@cpi/common/knowledge/guidance-ids';

export const meta: RuleMeta = {
  id: 'script-eval',
  title: 'Script evaluates text as code',
  section: 'scripts',
  defaultSeverity: 'warning',
  faq: [SCRIPTING_GUIDANCE.evalCode],
  helpUrl: helpPageUrl('78957243ced5427abf130ce3f90d3234'), // Security Aspects of Data, Data Flow for Cloud Integration
  guideline: 'EVAL_USAGE_CHECK',
};
