import { materialReferences, type CredentialStore } from '../../tenant/channel-material';
import { keystoreEntry, lookUpCredential } from '../../tenant/lookup';
import type { ChannelCheck, RuleChecks } from '../rule';
import { channelLabel } from '../support/channel-facts';

const STORE_NAMES: Readonly<Record<CredentialStore, string>> = {
  userCredential: 'user credential',
  oauth2ClientCredential: 'OAuth2 client credential',
  secureParameter: 'secure parameter',
};

/** Names a channel uses that the tenant does not have; silent for local files (no material to compare with). */
const channelCheck: ChannelCheck = {
  check(channel, report, { securityMaterial: material }) {
    if (!material) return;
    for (const reference of materialReferences(channel)) {
      if (reference.kind === 'credential') {
        if (lookUpCredential(material, reference.name, reference.stores) !== 'missing') continue;
        const kinds = reference.stores.map((store) => STORE_NAMES[store]).join(' or ');
        report({
          on: reference.value,
          message: `The ${channelLabel(channel)} uses the ${kinds} "${reference.name}" (${reference.key}), which is not deployed on ${material.host}: the channel fails at run time. Deploy it under Security Material, or correct the name.`,
        });
      } else if (!keystoreEntry(material, reference.name)) {
        report({
          on: reference.value,
          message: `The ${channelLabel(channel)} uses the keystore alias "${reference.name}" (${reference.key}), which is not in the keystore of ${material.host}: the channel fails at run time. Add the key or certificate to the keystore, or correct the alias.`,
        });
      }
    }
  },
};

export const checks: RuleChecks = { channel: channelCheck };
