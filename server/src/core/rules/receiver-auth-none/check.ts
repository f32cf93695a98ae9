import type { ChannelCheck, RuleChecks } from '../rule';
import { channelLabel } from '../support/channel-facts';

const channelCheck: ChannelCheck = {
  check(channel, report) {
    if (!channel.isUrlReceiver || channel.connectivity !== 'internet') return;
    if (channel.receiverAuth !== 'none') return;
    report({
      on: channel.receiverAuthValue!,
      message: `The ${channelLabel(channel)} calls an Internet endpoint without authentication. Check that the endpoint is meant to be public; otherwise use OAuth 2.0, a client certificate or Basic over HTTPS.`,
    });
  },
};

export const checks: RuleChecks = { channel: channelCheck };
