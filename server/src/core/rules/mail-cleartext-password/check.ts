import type { ChannelCheck, RuleChecks } from '../rule';
import { channelLabel } from '../support/channel-facts';
import { encryptMailFix } from '../support/mail';

const channelCheck: ChannelCheck = {
  check(channel, report) {
    if (!channel.isMail || !channel.is('auth', 'loginPlain', 'plain')) return;
    if (!channel.is('ssl', 'off', 'starttls_optional')) return;
    const optional = channel.is('ssl', 'starttls_optional');
    report({
      on: channel.resolved('auth')!,
      message:
        `The ${channelLabel(channel)} logs in with a plain password ` +
        (optional
          ? 'while encryption is optional: if the server does not offer STARTTLS, the password travels readable.'
          : 'without encryption: the password travels readable.'),
      fixes: encryptMailFix(channel),
    });
  },
};

export const checks: RuleChecks = { channel: channelCheck };
