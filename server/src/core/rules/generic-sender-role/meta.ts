import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'generic-sender-role',
  title: 'Sender accepts the generic ESBMessaging.send role',
  section: 'authentication',
  defaultSeverity: 'information',
  faq: [FAQ.assignRoles, FAQ.listRoles],
  helpUrl: helpPageUrl('3d46d45ab3b34581bebf9dddfafe47d5'), // Use Secure Authentication Methods
  guideline: 'COMMON_ROLE_FOR_SENDER_AUTHORIZATION',
};
