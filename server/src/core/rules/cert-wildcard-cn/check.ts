import { dnCommonName } from '../certs/dn';
import { UNKNOWN } from '../params/resolved-value';
import { ruleMeta } from './catalogue';
import type { ChannelRule } from './rule';
import { channelLabel } from './support/channel-facts';
import { clientCertificateTable } from './support/client-certificates';

/**
 * Wildcard names in a sender's client-certificate table. For inbound client
 * authentication SAP accepts a wildcard CN, so this is only information here;
 * certificate files are checked by the certificate analysis.
 */
export const certWildcardCnInTable: ChannelRule = {
  meta: ruleMeta('cert-wildcard-cn')!,
  check(channel, report) {
    const certificates = clientCertificateTable(channel);
    if (!certificates) return;
    for (const { subject } of certificates.rows) {
      if (!subject || subject.text.includes(UNKNOWN)) continue;
      const cn = dnCommonName(subject.text);
      if (!cn?.includes('*')) continue;
      report({
        on: certificates.table,
        slice: [subject.start, subject.end],
        severity: 'information',
        message: `The ${channelLabel(channel)} accepts a client certificate with the wildcard name "CN=${cn}". SAP supports wildcards for client-certificate authentication, but recommends the full host name.`,
      });
    }
  },
};
