import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'cleartext-secret',
  title: 'Secret in clear text',
  section: 'authentication',
  defaultSeverity: 'error',
  faq: [FAQ.keystoreOwner],
  helpUrl: helpPageUrl('b8ccb53b9ec44652b885476f02184a0f'), // Managing Security Material
};
