import type { ChannelCheck, RuleChecks, FixSpec } from '../rule';
import { channelLabel, hostAddress, urlAddress } from '../support/channel-facts';
import { setValue } from '../support/fixes';
import { isPrivateHost } from '../support/hosts';

const channelCheck: ChannelCheck = {
  check(channel, report) {
    if (channel.connectivity !== 'internet') return;
    const address = channel.isUrlReceiver ? urlAddress(channel) : channel.isSftp || channel.isMail || channel.isAmqp ? hostAddress(channel) : undefined;
    const host = address?.endpoint.host;
    if (!address || host === undefined || !isPrivateHost(host)) return;
    const proxy = channel.resolved('proxyType');
    const fixes: FixSpec[] = [];
    if (proxy?.known) {
      const onPremise = proxy.text.trim() === 'Internet' ? 'On-Premise' : 'sapcc';
      fixes.push(setValue(proxy, onPremise, 'Set the proxy type to On-Premise (then set the location id of your Cloud Connector)', false));
    }
    report({
      on: address.value,
      slice: address.endpoint.hostRange,
      message: `The ${channelLabel(channel)} addresses "${host}", a private or internal host, over the Internet, where it is not reachable. Connect through the Cloud Connector: proxy type On-Premise with the location id of your Cloud Connector.`,
      fixes,
    });
  },
};

export const checks: RuleChecks = { channel: channelCheck };
