import { sameDn } from '../../certs/dn';
import { certificateName } from '../../certs/wording';
import { UNKNOWN } from '../../params/resolved-value';
import type { CertificateCheck } from '../certificate-check';
import type { ChannelCheck, RuleChecks } from '../rule';
import { isSelfSignedLeaf } from '../support/certificates';
import { channelLabel } from '../support/channel-facts';
import { clientCertificateTable } from '../support/client-certificates';

/** Rows of a sender's client-certificate table whose subject is its own issuer. */
const channelCheck: ChannelCheck = {
  check(channel, report) {
    const certificates = clientCertificateTable(channel);
    if (!certificates) return;
    for (const { subject, issuer } of certificates.rows) {
      if (!subject || !issuer || subject.text.includes(UNKNOWN) || issuer.text.includes(UNKNOWN)) continue;
      if (subject.text.trim() === '' || !sameDn(subject.text, issuer.text)) continue;
      report({
        on: certificates.table,
        // both cells, in whichever order the row holds them
        slice: [Math.min(subject.start, issuer.start), Math.max(subject.end, issuer.end)],
        message: `The ${channelLabel(channel)} accepts the client certificate "${subject.text.trim()}", whose issuer is its own subject: a self-signed certificate. Cloud Integration rejects self-signed certificates for inbound client authentication; have it signed by a certificate authority.`,
      });
    }
  },
};

/** A certificate file declared for inbound use whose certificate signed itself. */
const certificateCheck: CertificateCheck = {
  check(certificate, report, context) {
    if (!isSelfSignedLeaf(certificate) || context.usage !== 'inbound') return;
    report({
      message: `Self-signed certificate ${certificateName(certificate)} is used for inbound client authentication: Cloud Integration does not accept self-signed client certificates. Use a certificate signed by a CA.`,
    });
  },
};

export const checks: RuleChecks = { channel: channelCheck, certificate: certificateCheck };
