import type { ChannelCheck, RuleChecks } from '../rule';
import { channelLabel, plainHttpAddress, upgradeToHttps } from '../support/channel-facts';

const channelCheck: ChannelCheck = {
  check(channel, report) {
    if (channel.receiverAuth !== 'clientCertificate') return;
    const address = plainHttpAddress(channel);
    if (!address) return;
    report({
      on: address.value,
      slice: address.endpoint.schemeRange,
      message: `The ${channelLabel(channel)} is set to authenticate with a client certificate, which needs a TLS handshake, but its address is plain http://. Use https://.`,
      fixes: upgradeToHttps(address),
    });
  },
};

export const checks: RuleChecks = { channel: channelCheck };
