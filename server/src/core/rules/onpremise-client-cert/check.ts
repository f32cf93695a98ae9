import { ruleMeta } from './catalogue';
import type { ChannelRule } from './rule';
import { channelLabel } from './support/channel-facts';

export const onPremiseClientCert: ChannelRule = {
  meta: ruleMeta('onpremise-client-cert')!,
  check(channel, report) {
    if (!channel.isUrlReceiver || channel.connectivity !== 'onPremise') return;
    if (channel.receiverAuth !== 'clientCertificate') return;
    report({
      on: channel.receiverAuthValue!,
      message: `The ${channelLabel(channel)} goes through the Cloud Connector (proxy type On-Premise), where client certificate authentication does not work. Use Basic, OAuth or principal propagation, or reach the system over the Internet.`,
    });
  },
};
