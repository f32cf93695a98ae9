import { ruleMeta } from './catalogue';
import type { ChannelRule } from './rule';
import { channelLabel, plainHttpAddress, upgradeToHttps } from './support/channel-facts';

export const cleartextHttpEndpoint: ChannelRule = {
  meta: ruleMeta('cleartext-http-endpoint')!,
  supersededBy: ['cleartext-basic-auth', 'client-cert-over-http'],
  check(channel, report) {
    const address = plainHttpAddress(channel);
    if (!address) return;
    report({
      on: address.value,
      slice: address.endpoint.schemeRange,
      message: `The ${channelLabel(channel)} sends messages over the Internet in plain HTTP; anyone on the path can read and change them. Use https://.`,
      fixes: upgradeToHttps(address),
    });
  },
};
