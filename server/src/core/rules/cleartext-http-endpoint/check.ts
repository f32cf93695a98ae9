import type { ChannelCheck, RuleChecks } from '../rule';
import { channelLabel, plainHttpAddress, plainHttpAdvice, upgradeToHttps } from '../support/channel-facts';

const channelCheck: ChannelCheck = {
  supersededBy: ['cleartext-basic-auth', 'client-cert-over-http'],
  check(channel, report) {
    const address = plainHttpAddress(channel);
    if (!address) return;
    report({
      on: address.value,
      slice: address.endpoint.schemeRange,
      message: `The ${channelLabel(channel)} sends messages over the Internet in plain HTTP; anyone on the path can read and change them. ${plainHttpAdvice(address)}`,
      fixes: upgradeToHttps(address),
    });
  },
};

export const checks: RuleChecks = { channel: channelCheck };
