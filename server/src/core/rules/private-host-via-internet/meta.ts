import { FAQ, faqUrl } from '../../knowledge/sap-help';
import type { RuleMeta } from '../catalogue';

export const meta: RuleMeta = {
  id: 'private-host-via-internet',
  title: 'Private host reached over the Internet',
  section: 'network',
  defaultSeverity: 'warning',
  faq: [FAQ.cloudConnector],
  helpUrl: faqUrl(FAQ.cloudConnector),
};
