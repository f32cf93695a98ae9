import { ruleMeta } from './catalogue';
import type { ChannelRule } from './rule';
import { channelLabel, plainHttpAddress, upgradeToHttps } from './support/channel-facts';

export const clientCertOverHttp: ChannelRule = {
  meta: ruleMeta('client-cert-over-http')!,
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
