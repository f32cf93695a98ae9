import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'onpremise-client-cert',
  title: 'Client certificate through Cloud Connector',
  section: 'network',
  defaultSeverity: 'error',
  faq: [FAQ.cloudConnector],
  helpUrl: helpPageUrl('2da452effb764b3bb28f8e0a2f5bd480'), // HTTP Receiver Adapter
};
