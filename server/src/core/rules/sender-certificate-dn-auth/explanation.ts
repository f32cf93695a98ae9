import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { iflw } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'A sender channel with `senderAuthType` = `ClientCertificate`, which admits callers by subject and issuer DN.',
  why:
    'Access then rests on two text strings kept in the integration flow: any certificate that CA issues with the same ' +
    'subject passes, no role limits the caller, and every certificate renewal means editing and redeploying each flow. ' +
    'The certificate must also be CA-signed, since self-signed ones are refused inbound.',
  fix:
    'Prefer role-based authorization with a custom role and map the client certificate to a user (certificate-to-user ' +
    'mapping, or a service key with the certificate on Cloud Foundry).',
  before: iflw(
    ['senderAuthType', 'ClientCertificate'],
    [
      'clientCertificates',
      "&lt;row&gt;&lt;cell id='clientCertificate.subjectDN'&gt;CN=erp-client,O=Example&lt;/cell&gt;&lt;cell id='clientCertificate.issuerDN'&gt;CN=Example Issuing CA,O=Example&lt;/cell&gt;&lt;/row&gt;",
    ],
  ),
  after: iflw(['senderAuthType', 'RoleBased'], ['userRole', 'Orders.Inbound.Send']),
  sapPages: [SAP_PAGES.soapSender, SAP_PAGES.useSecureAuthentication],
};
