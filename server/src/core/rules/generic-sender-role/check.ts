import type { ChannelCheck, RuleChecks } from '../rule';
import { channelLabel } from '../support/channel-facts';

const channelCheck: ChannelCheck = {
  check(channel, report) {
    if (!channel.isSender) return;
    // Old files have no senderAuthType; a user role then means role-based.
    if (channel.property('senderAuthType') && !channel.is('senderAuthType', 'RoleBased')) return;
    if (!channel.is('userRole', 'ESBMessaging.send')) return;
    report({
      on: channel.resolved('userRole')!,
      message: `The ${channelLabel(channel)} accepts every user with the generic role ESBMessaging.send, so any client allowed to call one flow of the tenant can call this one. Define a flow-specific role and assign it only to the clients of this flow.`,
    });
  },
};

export const checks: RuleChecks = { channel: channelCheck };
