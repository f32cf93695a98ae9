import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { iflw } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'An HTTPS sender channel with `xsrfProtection` = `0` (CSRF Protected switched off).',
  why:
    'An HTTP endpoint that changes data (POST, PUT, PATCH, DELETE) can be triggered by a foreign web page in the browser ' +
    "of a user who is signed in to the tenant, with that user's roles. SAP turns CSRF protection on by default and " +
    'advises keeping it on.',
  fix:
    'Set `xsrfProtection` to `1`. Callers first fetch a token (`X-CSRF-Token: Fetch`) and send it back with the ' +
    'modifying request in the same session.',
  before: iflw(['urlPath', '/orders/create'], ['senderAuthType', 'RoleBased'], ['xsrfProtection', '0']),
  after: iflw(['urlPath', '/orders/create'], ['senderAuthType', 'RoleBased'], ['xsrfProtection', '1']),
  sapPages: [SAP_PAGES.useCsrfProtection],
};
