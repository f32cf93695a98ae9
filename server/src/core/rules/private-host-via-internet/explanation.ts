import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { iflw, INTERNET, ON_PREMISE } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what:
    'An Internet channel whose host is private or internal: loopback, RFC 1918, link-local or unique-local addresses, ' +
    '`localhost`, single-label names, or names under `.local`, `.lan`, `.internal`, `.corp`, `.intranet`, `.home.arpa`.',
  why:
    'Such a host cannot be reached from the cloud over the Internet. On-premise systems are reached through SAP Cloud ' +
    'Connector (or another reverse proxy); a private host behind proxy type Internet is almost always a forgotten proxy setting.',
  fix:
    'Set the proxy type to On-Premise (`sapcc`), fill in the location id of your Cloud Connector, and use the virtual ' +
    'host name defined there.',
  before: iflw(['httpAddressWithoutQuery', 'http://erp01.corp:8000/sap/bc/rest/orders'], INTERNET),
  after: iflw(['httpAddressWithoutQuery', 'http://erp01-virtual:8000/sap/bc/rest/orders'], ON_PREMISE, ['locationID', 'PLANT_A']),
  sapPages: [SAP_PAGES.reverseProxyOrCloudConnector, SAP_PAGES.cloudConnectorAdapters],
};
