import type { ChannelCheck, RuleChecks } from '../rule';
import { channelLabel } from '../support/channel-facts';
import { booleanLike, isOff, setValue } from '../support/fixes';

const channelCheck: ChannelCheck = {
  check(channel, report) {
    if (channel.adapter !== 'HTTPS' || !channel.isSender) return;
    const csrf = channel.resolved('xsrfProtection');
    if (!csrf?.known || !isOff(csrf.text)) return;
    report({
      on: csrf,
      message: `The ${channelLabel(channel)} accepts modifying requests without a CSRF token, so a browser session of an authorised user could be abused to post messages. Turn CSRF protection on (clients then fetch a token first).`,
      fixes: [setValue(csrf, booleanLike(csrf.text, true), 'Turn CSRF protection on', false)],
    });
  },
};

export const checks: RuleChecks = { channel: channelCheck };
