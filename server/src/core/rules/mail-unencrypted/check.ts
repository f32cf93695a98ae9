import { ruleMeta } from './catalogue';
import type { ChannelRule } from './rule';
import { channelLabel } from './support/channel-facts';
import { encryptMailFix } from './support/mail';

export const mailUnencrypted: ChannelRule = {
  meta: ruleMeta('mail-unencrypted')!,
  check(channel, report) {
    if (!channel.isMail || !channel.is('ssl', 'off')) return;
    report({
      on: channel.resolved('ssl')!,
      message: `The ${channelLabel(channel)} exchanges mail without any encryption (ssl = off): content and login travel readable.`,
      fixes: encryptMailFix(channel),
    });
  },
};
