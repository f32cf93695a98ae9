import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { props } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what:
    'An Internet channel (any proxy type other than On-Premise) whose port, after parameter substitution, is not among ' +
    'the ports open by default: 443 or 1024 and above for URL-based receivers (HTTP, OData, SOAP, IDoc, XI, AS2, ' +
    'SuccessFactors; a URL without a port counts as 80 or 443), 22 for SFTP, and 25, 465 or 587 for the Mail receiver. ' +
    'Ports listed under `openedPorts` in `.cpisecurity.json` pass.',
  why:
    "The tenant's outbound firewall only lets those ports through unless SAP has opened another one on request. A channel " +
    'aimed at a closed port deploys fine and then fails with a connection timeout at runtime.',
  fix:
    'Use the standard port of the protocol (443 for HTTPS, 22 for SFTP, 587 for SMTP). If the port was really opened for ' +
    'your tenant, record it in `openedPorts` so the rule accepts it.',
  before: props('SFTP_Host=sftp.partner.example.com\\:2222'),
  after: props('SFTP_Host=sftp.partner.example.com\\:22'),
  sapPages: [SAP_PAGES.connectingCustomerSystem],
};
