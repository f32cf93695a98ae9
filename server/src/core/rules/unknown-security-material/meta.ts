import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'unknown-security-material',
  title: 'Security material missing on the tenant',
  section: 'authentication',
  defaultSeverity: 'error',
  tenantOnly: true,
  faq: [FAQ.keystoreOwner],
  helpUrl: helpPageUrl('b8ccb53b9ec44652b885476f02184a0f'), // Managing Security Material
};
