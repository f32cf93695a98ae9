import { days, isoDay, validityState } from '../../certs/validity';
import { materialReferences } from '../../tenant/channel-material';
import { keystoreCertificate } from '../../tenant/keystore-certificate';
import { keystoreEntry } from '../../tenant/lookup';
import type { ChannelCheck, RuleChecks } from '../rule';
import { channelLabel } from '../support/channel-facts';

/**
 * A keystore alias a channel uses whose certificate has expired (error) or
 * expires within cert-expiring-soon's window (warning): the finding sits on
 * the channel, where the breakage will show, besides the keystore's own.
 */
const channelCheck: ChannelCheck = {
  check(channel, report, { securityMaterial: material, config, now }) {
    if (!material) return;
    for (const reference of materialReferences(channel)) {
      if (reference.kind !== 'keystoreAlias') continue;
      const entry = keystoreEntry(material, reference.name);
      const certificate = entry && keystoreCertificate(entry);
      if (!certificate) continue;
      const validity = validityState(certificate, now);
      const where = `The ${channelLabel(channel)} uses the keystore alias "${entry.alias}" (${reference.key})`;
      if (validity.state === 'expired') {
        const ago = validity.daysAgo > 0 ? ` (${days(validity.daysAgo)} ago)` : '';
        report({
          on: reference.value,
          severity: 'error',
          message: `${where}, whose certificate expired on ${isoDay(certificate.notAfter)}${ago}: the channel fails until it is renewed.`,
        });
      } else if (validity.state === 'valid' && config.expiryWarningDays > 0 && validity.daysLeft < config.expiryWarningDays) {
        const when = validity.daysLeft === 0 ? 'today' : `in ${days(validity.daysLeft)}`;
        report({
          on: reference.value,
          message: `${where}, whose certificate expires ${when} (${isoDay(certificate.notAfter)}), within the ${config.expiryWarningDays}-day warning window: renew it before then.`,
        });
      }
    }
  },
};

export const checks: RuleChecks = { channel: channelCheck };
