import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'private-key-in-workspace',
  title: 'Private key in the workspace',
  section: 'certificates',
  defaultSeverity: 'warning',
  faq: [FAQ.keystoreOwner],
  helpUrl: helpPageUrl('2dc8942e02de4be59bd2afaa3bfdc591'), // Managing Keystore Entries
};
