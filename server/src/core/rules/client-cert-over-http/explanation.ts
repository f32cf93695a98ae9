import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { iflw, INTERNET } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'A channel on the Internet that authenticates with a client certificate but uses an `http://` address.',
  why:
    'A client certificate is presented during the TLS handshake. Plain HTTP has no handshake, so the certificate is ' +
    'never sent: the call goes out unauthenticated and unencrypted although the configuration suggests otherwise.',
  fix: 'Use an `https://` address.',
  before: iflw(['address', 'http://erp.partner.example.com/sap/bc/srt/orders'], ['authentication', 'Client Certificate'], INTERNET),
  after: iflw(['address', 'https://erp.partner.example.com/sap/bc/srt/orders'], ['authentication', 'Client Certificate'], INTERNET),
  sapPages: [SAP_PAGES.httpReceiver, SAP_PAGES.useSecureAuthentication],
};
