import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'csrf-protection-disabled',
  title: 'CSRF protection switched off',
  section: 'authentication',
  defaultSeverity: 'warning',
  faq: [FAQ.assignRoles],
  helpUrl: helpPageUrl('a0765d56b6024f29a41a3a747f993499'), // Use CSRF Protection
  guideline: 'USE_CSRF_PROTECTION',
};
