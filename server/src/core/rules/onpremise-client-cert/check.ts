import type { ChannelCheck, RuleChecks } from '../rule';
import { channelLabel } from '../support/channel-facts';

const channelCheck: ChannelCheck = {
  check(channel, report) {
    if (!channel.isUrlReceiver || channel.connectivity !== 'onPremise') return;
    if (channel.receiverAuth !== 'clientCertificate') return;
    report({
      on: channel.receiverAuthValue!,
      message: `The ${channelLabel(channel)} goes through the Cloud Connector (proxy type On-Premise), where client certificate authentication does not work. Use Basic, OAuth or principal propagation, or reach the system over the Internet.`,
    });
  },
};

export const checks: RuleChecks = { channel: channelCheck };
