import { sameDn } from '../certs/dn';
import { UNKNOWN } from '../params/resolved-value';
import { ruleMeta } from './catalogue';
import type { ChannelRule } from './rule';
import { channelLabel } from './support/channel-facts';
import { clientCertificateTable } from './support/client-certificates';

/** Rows of a sender's client-certificate table whose subject is its own issuer. */
export const inboundCertSelfSigned: ChannelRule = {
  meta: ruleMeta('inbound-cert-self-signed')!,
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
