import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'oauth-token-url-cleartext',
  title: 'OAuth2 token URL over plain HTTP',
  section: 'authentication',
  defaultSeverity: 'error',
  tenantOnly: true,
  faq: [FAQ.httpPorts],
  helpUrl: helpPageUrl('b8ccb53b9ec44652b885476f02184a0f'), // Managing Security Material
};
