import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { iflw } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what:
    'A client certificate for inbound authentication that is self-signed: a `clientCertificates` row whose subject DN ' +
    'equals its issuer DN, or a certificate file declared inbound whose issuer is its subject and which verifies with ' +
    'its own key.',
  why:
    'The tenant does not accept self-signed certificates from callers: a sender has to present a certificate issued ' +
    'below a root CA that SAP supports, or the TLS handshake fails.',
  fix: "Have the sender's certificate signed by a CA from SAP's supported list and update the row with the new issuer DN.",
  before: iflw([
    'clientCertificates',
    "&lt;row&gt;&lt;cell id='clientCertificate.subjectDN'&gt;CN=erp-client&lt;/cell&gt;&lt;cell id='clientCertificate.issuerDN'&gt;CN=erp-client&lt;/cell&gt;&lt;/row&gt;",
  ]),
  after: iflw([
    'clientCertificates',
    "&lt;row&gt;&lt;cell id='clientCertificate.subjectDN'&gt;CN=erp-client&lt;/cell&gt;&lt;cell id='clientCertificate.issuerDN'&gt;CN=Example Issuing CA&lt;/cell&gt;&lt;/row&gt;",
  ]),
  sapPages: [SAP_PAGES.transportLevelSecurity, SAP_PAGES.loadBalancerRootCas],
};
