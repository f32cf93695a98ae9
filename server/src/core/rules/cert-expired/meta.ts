import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'cert-expired',
  title: 'Certificate expired or not yet valid',
  section: 'certificates',
  defaultSeverity: 'error',
  faq: [FAQ.keystoreOwner],
  helpUrl: helpPageUrl('b1635139eb1f42728e249004ae2d617b'), // Keystore
};
