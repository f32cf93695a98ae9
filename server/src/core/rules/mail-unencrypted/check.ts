import type { ChannelCheck, RuleChecks } from '../rule';
import { channelLabel } from '../support/channel-facts';
import { encryptMailFix } from '../support/mail';

const channelCheck: ChannelCheck = {
  check(channel, report) {
    if (!channel.isMail || !channel.is('ssl', 'off')) return;
    report({
      on: channel.resolved('ssl')!,
      message: `The ${channelLabel(channel)} exchanges mail without any encryption (ssl = off): content and login travel readable.`,
      fixes: encryptMailFix(channel),
    });
  },
};

export const checks: RuleChecks = { channel: channelCheck };
