import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { iflw, ON_PREMISE } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'A channel with proxy type On-Premise (Cloud Connector) that authenticates with a client certificate.',
  why:
    'Through Cloud Connector the tenant speaks plain HTTP to a virtual host and the tunnel provides the encryption, so ' +
    'there is no TLS handshake between tenant and back end in which a client certificate could be presented. The ' +
    'channel fails or reaches the back end without the intended authentication.',
  fix:
    'Authenticate with Basic (a deployed user credential) or Principal Propagation instead, and configure trust between ' +
    'Cloud Connector and the back end there. If the system is actually reachable on the Internet, use proxy type Internet ' +
    'with an `https://` address.',
  before: iflw(
    ['httpAddressWithoutQuery', 'http://s4-virtual:44300/sap/opu/odata/sap/API_SALES_ORDER_SRV'],
    ['authenticationMethod', 'Client Certificate'],
    ON_PREMISE,
  ),
  after: iflw(
    ['httpAddressWithoutQuery', 'http://s4-virtual:44300/sap/opu/odata/sap/API_SALES_ORDER_SRV'],
    ['authenticationMethod', 'Basic'],
    ['credentialName', 'S4_TECH_USER'],
    ON_PREMISE,
  ),
  sapPages: [SAP_PAGES.httpReceiver, SAP_PAGES.cloudConnectorAdapters],
};
