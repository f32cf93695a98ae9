import type { ChannelCheck, RuleChecks } from '../rule';
import { channelLabel } from '../support/channel-facts';
import { booleanLike, isOff, setValue } from '../support/fixes';

const channelCheck: ChannelCheck = {
  check(channel, report) {
    if (!channel.isAmqp || channel.connectivity !== 'internet') return;
    const tls = channel.resolved('connectWithTLS');
    if (!tls?.known || !isOff(tls.text)) return;
    report({
      on: tls,
      message: `The ${channelLabel(channel)} connects to its broker over the Internet without TLS: messages and credentials travel readable.`,
      fixes: [setValue(tls, booleanLike(tls.text, true), 'Connect with TLS')],
    });
  },
};

export const checks: RuleChecks = { channel: channelCheck };
