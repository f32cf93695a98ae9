import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'onpremise-https-address',
  title: 'HTTPS address through Cloud Connector',
  section: 'network',
  defaultSeverity: 'information',
  faq: [FAQ.cloudConnector],
  helpUrl: helpPageUrl('c9b8cae7ec3e475bb8efaef8e8de28e9'), // Use Secure Protocols
};
