import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { iflw } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'A URL-based receiver on the Internet with authentication None.',
  why:
    'No authentication is the weakest option SAP lists: the receiving endpoint accepts calls from anybody, so it can be ' +
    'fed forged data or flooded, and nothing proves the call came from your tenant.',
  fix:
    'Prefer OAuth2 client credentials or a client certificate, at least Basic over HTTPS. If the endpoint is public on ' +
    'purpose, suppress the finding with that reason.',
  before: iflw(['httpAddressWithoutQuery', 'https://api.partner.example.com/v1/orders'], ['authenticationMethod', 'None']),
  after: iflw(
    ['httpAddressWithoutQuery', 'https://api.partner.example.com/v1/orders'],
    ['authenticationMethod', 'OAuth2 Client Credentials'],
    ['credentialName', 'PARTNER_OAUTH'],
  ),
  sapPages: [SAP_PAGES.useSecureAuthentication],
};
