import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { iflw } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'A Mail channel with `ssl` = `starttls_optional`.',
  why:
    'With optional STARTTLS the connection quietly stays unencrypted when the server does not offer TLS, and an attacker ' +
    'in the path can remove the offer to force exactly that.',
  fix: 'Use `starttls_mandatory`, so the connection fails instead of falling back to clear text.',
  before: iflw(['ssl', 'starttls_optional']),
  after: iflw(['ssl', 'starttls_mandatory']),
  sapPages: [SAP_PAGES.mailReceiver, SAP_PAGES.useSecureProtocols],
};
