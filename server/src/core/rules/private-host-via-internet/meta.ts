import { FAQ, faqUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'private-host-via-internet',
  title: 'Private host reached over the Internet',
  section: 'network',
  defaultSeverity: 'warning',
  faq: [FAQ.cloudConnector],
  helpUrl: faqUrl(FAQ.cloudConnector),
};
