import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'cleartext-basic-auth',
  title: 'Basic authentication over plain HTTP',
  section: 'network',
  defaultSeverity: 'error',
  faq: [FAQ.httpPorts],
  helpUrl: helpPageUrl('3d46d45ab3b34581bebf9dddfafe47d5'), // Use Secure Authentication Methods
  guideline: 'USE_SECURE_AUTHENTICATION_METHODS',
};
