import type { ChannelCheck, RuleChecks } from '../rule';
import { channelLabel, urlAddress } from '../support/channel-facts';
import { replaceSlice } from '../support/fixes';

const channelCheck: ChannelCheck = {
  check(channel, report) {
    if (channel.connectivity !== 'onPremise') return;
    const address = urlAddress(channel);
    if (address?.endpoint.scheme !== 'https' || !address.endpoint.schemeRange) return;
    report({
      on: address.value,
      slice: address.endpoint.schemeRange,
      message: `The ${channelLabel(channel)} goes through the Cloud Connector, which expects http:// to its virtual host; the tunnel to the Cloud Connector is already TLS-protected.`,
      fixes: [replaceSlice(address.value, address.endpoint.schemeRange, 'http', 'Use http:// to the Cloud Connector virtual host')],
    });
  },
};

export const checks: RuleChecks = { channel: channelCheck };
