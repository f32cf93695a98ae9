import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'client-cert-over-http',
  title: 'Client certificate over plain HTTP',
  section: 'network',
  defaultSeverity: 'error',
  faq: [FAQ.selfSignedClientAuth],
  helpUrl: helpPageUrl('2da452effb764b3bb28f8e0a2f5bd480'), // HTTP Receiver Adapter
  guideline: 'USE_SECURE_PROTOCOLS',
};
