import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'receiver-auth-none',
  title: 'Receiver without authentication',
  section: 'authentication',
  defaultSeverity: 'information',
  faq: [FAQ.httpPorts],
  helpUrl: helpPageUrl('3d46d45ab3b34581bebf9dddfafe47d5'), // Use Secure Authentication Methods
  guideline: 'USE_SECURE_AUTHENTICATION_METHODS',
};
