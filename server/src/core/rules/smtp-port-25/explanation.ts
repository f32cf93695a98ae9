import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { iflw } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'A Mail receiver whose SMTP `server` has no port (which means 25) or port 25 explicitly.',
  why:
    'Port 25 is open by default, but it is the relay port of mail servers: many providers refuse submissions there and ' +
    "traffic on it is often unencrypted. SAP's Mail adapter documentation advises 587 with STARTTLS or 465 with SMTPS.",
  fix: 'Use port 587 with `ssl` = `starttls_mandatory`, or port 465 with `ssl` = `smtps`.',
  before: iflw(['server', 'smtp.example.com'], ['ssl', 'starttls_optional']),
  after: iflw(['server', 'smtp.example.com:587'], ['ssl', 'starttls_mandatory']),
  sapPages: [SAP_PAGES.mailReceiver],
};
