import { dnCommonName } from '../../certs/dn';
import type { CertificateUsage } from '../../certs/model';
import { certificateName } from '../../certs/wording';
import type { Severity } from '@cpi/common/findings';
import { UNKNOWN } from '../../params/resolved-value';
import type { CertificateCheck } from '../certificate-check';
import type { ChannelCheck, RuleChecks } from '../rule';
import { undeclaredUsageHint } from '../support/certificates';
import { channelLabel } from '../support/channel-facts';
import { clientCertificateTable } from '../support/client-certificates';

// SAP recommends the full host name, and supports wildcard names for
// certificate-based client authentication: there (inbound) a wildcard is
// only information.
const severity = (usage: CertificateUsage | undefined): Severity => (usage === 'inbound' ? 'information' : 'warning');

/** Wildcard names in a sender's client-certificate table, which is inbound client authentication. */
const channelCheck: ChannelCheck = {
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
        severity: severity('inbound'),
        message: `The ${channelLabel(channel)} accepts a client certificate with the wildcard name "CN=${cn}". SAP supports wildcards for client-certificate authentication, but recommends the full host name.`,
      });
    }
  },
};

/** A wildcard in the subject CN or a DNS alternative name of a certificate. */
const certificateCheck: CertificateCheck = {
  check(certificate, report, context) {
    const names = [
      ...(certificate.wildcardCn ? [certificateName(certificate)] : []),
      ...certificate.wildcardDnsNames.map((name) => `DNS:${name}`),
    ];
    if (names.length === 0) return;
    const inbound = context.usage === 'inbound';
    report({
      severity: severity(context.usage),
      message:
        `Certificate ${certificateName(certificate)} uses a wildcard name (${names.join(', ')}): SAP recommends the full host name in the CN` +
        (inbound
          ? '; wildcards are supported for certificate-based client authentication.'
          : ' and supports wildcards for certificate-based client authentication only.') +
        undeclaredUsageHint(context),
    });
  },
};

export const checks: RuleChecks = { channel: channelCheck, certificate: certificateCheck };
