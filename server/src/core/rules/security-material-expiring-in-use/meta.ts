import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'security-material-expiring-in-use',
  title: 'Channel uses an expiring keystore entry',
  section: 'certificates',
  defaultSeverity: 'warning',
  tenantOnly: true,
  faq: [FAQ.keystoreOwner],
  helpUrl: helpPageUrl('7d24b61c989e4fa5851797fe391e83d2'), // Managing the Lifecycle of Keys
};
