import type { ChannelCheck, RuleChecks } from '../rule';
import { channelLabel, plainHttpAddress, plainHttpAdvice, upgradeToHttps } from '../support/channel-facts';

const channelCheck: ChannelCheck = {
  check(channel, report) {
    if (channel.receiverAuth !== 'basic') return;
    const address = plainHttpAddress(channel);
    if (!address) return;
    report({
      on: address.value,
      slice: address.endpoint.schemeRange,
      message: `The ${channelLabel(channel)} sends Basic credentials over plain HTTP on the Internet: user and password travel readable with every call. ${plainHttpAdvice(address)}`,
      fixes: upgradeToHttps(address),
    });
  },
};

export const checks: RuleChecks = { channel: channelCheck };
