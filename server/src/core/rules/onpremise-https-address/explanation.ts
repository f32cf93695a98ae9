import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { iflw, ON_PREMISE } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'A channel with proxy type On-Premise (Cloud Connector) whose address starts with `https://`.',
  why:
    'Cloud Connector expects `http://` towards the virtual host it maps; its tunnel to the cloud is already TLS-protected. ' +
    'The leg from Cloud Connector to the back end is configured in Cloud Connector itself, where HTTPS is the right choice.',
  fix: 'Change the address to `http://` and set the back-end protocol to HTTPS in the Cloud Connector mapping.',
  before: iflw(['address', 'https://erp-virtual:44300/sap/bc/srt/rfc/sap/zorders'], ON_PREMISE, ['location_id', 'PLANT_A']),
  after: iflw(['address', 'http://erp-virtual:44300/sap/bc/srt/rfc/sap/zorders'], ON_PREMISE, ['location_id', 'PLANT_A']),
  sapPages: [SAP_PAGES.useSecureProtocols, SAP_PAGES.cloudConnectorAdapters],
};
