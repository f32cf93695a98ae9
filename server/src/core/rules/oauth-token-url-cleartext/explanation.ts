import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { text } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'When scanning a tenant: a deployed OAuth2 client credential whose token service URL is `http://` to a host other than the loopback address.',
  why:
    'The client credentials grant sends the client id and secret to the token service, which answers with a bearer ' +
    'token. Over plain HTTP anyone on the path can read both and call the protected API as your tenant.',
  fix:
    "Edit the credential under Monitor > Security Material and enter the token service's `https://` URL. " +
    'A token service on a private host is reached through the Cloud Connector: there `http://` to the virtual host is ' +
    'expected (the tunnel is TLS-protected); map the virtual host to the token service with back-end protocol HTTPS.',
  before: text('Token Service URL: http://auth.partner.example.com/oauth/token'),
  after: text('Token Service URL: https://auth.partner.example.com/oauth/token'),
  sapPages: [SAP_PAGES.securityMaterial, SAP_PAGES.useSecureProtocols],
};
