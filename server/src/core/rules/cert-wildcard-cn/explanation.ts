import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { text } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what:
    'A certificate with `*` in the subject CN or in a DNS subject alternative name. Information when it is declared ' +
    'for inbound client authentication, a warning otherwise.',
  why:
    'SAP advises the full host name in the CN for inbound and outbound alike and accepts a wildcard only for ' +
    'client-certificate authentication. A wildcard key is also shared by many systems, so one leak exposes them all.',
  fix: 'Request a certificate per system with its full host name in the CN (and SAN).',
  before: text('subject= CN=*.example.com'),
  after: text('subject= CN=orders.example.com', 'X509v3 Subject Alternative Name: DNS:orders.example.com'),
  sapPages: [SAP_PAGES.transportLevelSecurity],
};
