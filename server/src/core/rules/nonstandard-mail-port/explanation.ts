import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { iflw } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'A Mail sender channel (IMAP or POP3) whose `server` names a port other than 143, 993 (IMAP) or 110, 995 (POP3).',
  why:
    'Mail servers offer mailbox access on those four ports; anything else is a custom setup that is easy to get wrong, ' +
    'may not be reachable from the tenant, and often turns out to be an unencrypted variant. The encrypted ports 993 ' +
    'and 995 are the ones to aim for.',
  fix: 'Point the channel at port 993 with `ssl` = `imaps`, or at 995 with `ssl` = `pop3s`.',
  before: iflw(['server', 'imap.example.com:1143'], ['ssl', 'off']),
  after: iflw(['server', 'imap.example.com:993'], ['ssl', 'imaps']),
  sapPages: [SAP_PAGES.mailSender],
};
