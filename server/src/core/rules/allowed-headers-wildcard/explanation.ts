import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { iflw } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what:
    "A header allow-list set to `*`: the integration flow's allowed headers, or `allowedRequestHeaders` / " +
    '`allowedResponseHeaders` of an HTTP receiver.',
  why:
    'With `*` every header crosses the boundary: callers can inject headers that steer the flow, and internal headers ' +
    '(authorization data, cookies, technical headers) can leak to a partner or back to the caller.',
  fix: 'List only the headers the scenario needs, separated by `|`.',
  before: iflw(['allowedRequestHeaders', '*'], ['allowedResponseHeaders', '*']),
  after: iflw(['allowedRequestHeaders', 'Content-Type|Accept'], ['allowedResponseHeaders', 'Content-Type|Location']),
  sapPages: [SAP_PAGES.runtimeConfiguration, SAP_PAGES.httpReceiver],
};
