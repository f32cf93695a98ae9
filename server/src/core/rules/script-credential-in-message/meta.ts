import { helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';
import { SCRIPTING_GUIDANCE } from '@cpi/common/knowledge/guidance-ids';

export const meta: RuleMeta = {
  id: 'script-credential-in-message',
  title: 'Credential stored in a message header or property by a script',
  section: 'scripts',
  defaultSeverity: 'warning',
  faq: [SCRIPTING_GUIDANCE.credentialsInMessage],
  helpUrl: helpPageUrl('3d46d45ab3b34581bebf9dddfafe47d5'), // Use Secure Authentication Methods
  guideline: 'AVOID_ACCESSING_SECURE_PARAMETER',
};
