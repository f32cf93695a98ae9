import { FAQ, faqUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'cert-wildcard-cn',
  title: 'Wildcard certificate name',
  section: 'certificates',
  defaultSeverity: 'warning',
  faq: [FAQ.wildcardCn],
  helpUrl: faqUrl(FAQ.wildcardCn),
};
