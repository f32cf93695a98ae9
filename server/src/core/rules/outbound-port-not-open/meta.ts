import { FAQ, faqUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'outbound-port-not-open',
  title: 'Outbound port not open by default',
  section: 'network',
  defaultSeverity: 'warning',
  faq: [FAQ.httpPorts, FAQ.sftpSmtpPorts],
  helpUrl: faqUrl(FAQ.httpPorts),
};
