import { sameDn } from '../certs/dn';
import { readTable } from '../iflow/table';
import { UNKNOWN } from '../params/resolved-value';
import { ruleMeta } from './catalogue';
import type { ChannelRule } from './rule';
import { channelLabel } from './support/channel-facts';

const SUBJECT = 'clientCertificate.subjectDN';
const ISSUER = 'clientCertificate.issuerDN';

/** Rows of a sender's client-certificate table whose subject is its own issuer. */
export const inboundCertSelfSigned: ChannelRule = {
  meta: ruleMeta('inbound-cert-self-signed')!,
  check(channel, report) {
    if (!channel.isSender) return;
    const table = channel.resolvedTable('clientCertificates');
    if (!table || table.text.trim() === '') return;
    for (const row of readTable(table.text)) {
      const subject = row.find((cell) => cell.id === SUBJECT);
      const issuer = row.find((cell) => cell.id === ISSUER);
      if (!subject || !issuer || subject.text.includes(UNKNOWN) || issuer.text.includes(UNKNOWN)) continue;
      if (subject.text.trim() === '' || !sameDn(subject.text, issuer.text)) continue;
      report({
        on: table,
        // both cells, in whichever order the row holds them
        slice: [Math.min(subject.start, issuer.start), Math.max(subject.end, issuer.end)],
        message: `The ${channelLabel(channel)} accepts the client certificate "${subject.text.trim()}", whose issuer is its own subject: a self-signed certificate. Cloud Integration rejects self-signed certificates for inbound client authentication; have it signed by a certificate authority.`,
      });
    }
  },
};
