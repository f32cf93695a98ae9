import { helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';
import { SCRIPTING_GUIDANCE } from '@cpi/common/knowledge/guidance-ids';

export const meta: RuleMeta = {
  id: 'script-xxe',
  title: 'XML parser in a script reads DOCTYPE declarations (XXE)',
  section: 'scripts',
  defaultSeverity: 'warning',
  faq: [SCRIPTING_GUIDANCE.xmlDoctype],
  helpUrl: helpPageUrl('78957243ced5427abf130ce3f90d3234'), // Security Aspects of Data, Data Flow for Cloud Integration
  guideline: 'SWITCH_OFF_RESOLVING_OF_EXTERNAL_ENTITIES',
};
