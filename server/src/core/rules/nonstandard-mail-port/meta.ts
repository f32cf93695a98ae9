import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'nonstandard-mail-port',
  title: 'Mail sender on a non-standard port',
  section: 'network',
  defaultSeverity: 'information',
  faq: [FAQ.sftpSmtpPorts],
  helpUrl: helpPageUrl('e23e9cce8a974b8c8012ffcad5494766'), // Configure the Mail Sender Adapter
};
