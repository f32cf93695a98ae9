import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { props } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what:
    'A URL-based receiver on the Internet whose resolved address starts with `http://`. Not reported when ' +
    '`cleartext-basic-auth` or `client-cert-over-http` already covers the same address.',
  why:
    'Without TLS the message travels the Internet readable and changeable by anyone on the path, and the tenant cannot ' +
    'check that it talks to the right server. Port 80 is also not among the outbound ports open by default (443 and ' +
    '1024 and above are).',
  fix:
    'Change the scheme to `https://` and drop an explicit `:80`. Make sure the keystore holds the root CA of the ' +
    "receiver's server certificate. A private host instead needs the Cloud Connector (proxy type On-Premise, see " +
    '`private-host-via-internet`), which expects `http://` to its virtual host.',
  before: props('Orders_URL=http\\://api.partner.example.com/orders'),
  after: props('Orders_URL=https\\://api.partner.example.com/orders'),
  sapPages: [SAP_PAGES.useSecureProtocols, SAP_PAGES.dataFlowSecurity],
};
