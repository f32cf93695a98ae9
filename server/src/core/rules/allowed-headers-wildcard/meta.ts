import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'allowed-headers-wildcard',
  title: 'All headers allowed',
  section: 'authentication',
  defaultSeverity: 'information',
  faq: [FAQ.httpPorts],
  helpUrl: helpPageUrl('0c1c96e50ff340869090469d260976f3'), // Specify the Runtime Configuration
};
