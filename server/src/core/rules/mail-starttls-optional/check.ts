import type { ChannelCheck, RuleChecks } from '../rule';
import { channelLabel } from '../support/channel-facts';
import { setValue } from '../support/fixes';

const channelCheck: ChannelCheck = {
  check(channel, report) {
    if (!channel.isMail || !channel.is('ssl', 'starttls_optional')) return;
    const ssl = channel.resolved('ssl')!;
    report({
      on: ssl,
      message: `The ${channelLabel(channel)} uses STARTTLS only if the server offers it and silently falls back to no encryption otherwise.`,
      fixes: [setValue(ssl, 'starttls_mandatory', 'Require STARTTLS (starttls_mandatory)')],
    });
  },
};

export const checks: RuleChecks = { channel: channelCheck };
