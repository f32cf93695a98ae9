import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { iflw } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what:
    'When scanning a tenant: a channel names a user credential, OAuth2 client credential, secure parameter or keystore ' +
    'alias (after its parameters are resolved with the configured values) that the tenant does not have. Only names ' +
    "the channel's settings use count: a private key alias left on a Basic-authentication channel is never read. " +
    'Local files are not checked, since their tenant is unknown.',
  why:
    'The runtime looks the name up when the channel runs; a missing artifact fails every message, often only in ' +
    'production, where the material was never deployed or was deployed under another name.',
  fix: 'Deploy the credential or key under that name in Monitor > Security Material / Keystore, or correct the name in the configuration.',
  before: iflw(['authenticationMethod', 'Basic'], ['credentialName', 'ERP_ORDERS_USR']),
  after: iflw(['authenticationMethod', 'Basic'], ['credentialName', 'ERP_ORDERS_USER']),
  sapPages: [SAP_PAGES.securityMaterial, SAP_PAGES.managingKeystoreEntries],
};
