import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { iflw } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what:
    'Message-level signing or encryption that is switched on with a weak algorithm: SOAP WS-Security signing with SHA1; ' +
    'AS2 `signingAlgorithm` SHA1 or MD5; AS2 `encryptionAlgorithm` DES3 or RC2. A key left at its default while ' +
    'WS-Security is off is not reported.',
  why:
    'SHA-1 and MD5 signatures can be forged by collision attacks, and Triple DES and RC2 are outdated ciphers. ' +
    'Message-level security protects the content end to end, so it should not rest on them.',
  fix: 'Choose SHA256 (or stronger) for signatures and AES256 for encryption, in agreement with the partner.',
  before: iflw(['WSSecurity_outbound', 'SignMessage'], ['WSSecurity_SignatureAlgorithm', 'SHA1']),
  after: iflw(['WSSecurity_outbound', 'SignMessage'], ['WSSecurity_SignatureAlgorithm', 'SHA256']),
  sapPages: [SAP_PAGES.messageLevelSecurity, SAP_PAGES.as2Receiver],
};
