import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { iflw, INTERNET } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'A URL-based receiver on the Internet with an `http://` address and Basic authentication.',
  why:
    'Basic authentication puts user and password, merely base64-encoded, into every request. Over plain HTTP anyone ' +
    'who sees the traffic can reuse them.',
  fix:
    'Switch the address to `https://`. Consider a stronger method as well (OAuth2 client credentials or a client ' +
    'certificate) and rotate the password if it has already been used over HTTP. A private host is the exception: ' +
    'it needs the Cloud Connector (proxy type On-Premise, see `private-host-via-internet`), whose tunnel is encrypted and ' +
    'which expects `http://` to its virtual host.',
  before: iflw(['httpAddressWithoutQuery', 'http://api.partner.example.com/v1/orders'], ['authenticationMethod', 'Basic'], INTERNET),
  after: iflw(['httpAddressWithoutQuery', 'https://api.partner.example.com/v1/orders'], ['authenticationMethod', 'Basic'], INTERNET),
  sapPages: [SAP_PAGES.useSecureAuthentication, SAP_PAGES.useSecureProtocols],
};
