import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { iflw } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what:
    'A secret written as a literal: an iFlow property named like a secret (`password`, `clientSecret`, `consumerSecret`, ' +
    '`securityToken`, `apiKey`, `token`) holding a value instead of a `{{parameter}}`, or a `parameters.prop` entry named ' +
    'like a secret whose value is not the name of a credential.',
  why:
    'Integration flows and their parameter files are exported, versioned and shared in packages; whoever can read them ' +
    'reads the secret. Security material on the tenant (user credentials, secure parameters, the keystore) is managed by ' +
    'the customer for exactly this purpose.',
  fix:
    'Deploy the secret as a User Credentials or Secure Parameter artifact, reference it by name, remove the literal, and ' +
    'rotate the secret because it has been exposed.',
  before: iflw(['consumerKey', 'crm-integration'], ['consumerSecret', 'S3cr3t-Value-123']),
  after: iflw(['credentialName', 'CRM_OAUTH_CLIENT']),
  sapPages: [SAP_PAGES.securityMaterial],
};
