import type { ChannelCheck, RuleChecks } from '../rule';
import { channelLabel, isPrivateAddress, plainHttpAddress, upgradeToHttps, type AddressFacts } from '../support/channel-facts';

const channelCheck: ChannelCheck = {
  check(channel, report) {
    if (channel.receiverAuth !== 'clientCertificate') return;
    const address = plainHttpAddress(channel);
    if (!address) return;
    report({
      on: address.value,
      slice: address.endpoint.schemeRange,
      message: `The ${channelLabel(channel)} is set to authenticate with a client certificate, which needs a TLS handshake, but its address is plain http://. ${advice(address)}`,
      fixes: upgradeToHttps(address),
    });
  },
};

/** https:// for a public host; a private one only the Cloud Connector reaches, and client certificates do not pass it. */
function advice(address: AddressFacts): string {
  return isPrivateAddress(address)
    ? `"${address.endpoint.host}" is a private host, which only the Cloud Connector reaches, and client certificates do not work through it: use another authentication (Basic, OAuth or principal propagation) with proxy type On-Premise.`
    : 'Use https://.';
}

export const checks: RuleChecks = { channel: channelCheck };
