import type { ChannelCheck, RuleChecks } from '../rule';
import { channelLabel } from '../support/channel-facts';

const channelCheck: ChannelCheck = {
  check(channel, report) {
    if (!channel.isSender || !channel.is('senderAuthType', 'ClientCertificate')) return;
    report({
      on: channel.resolved('senderAuthType')!,
      message: `The ${channelLabel(channel)} authorises callers by comparing certificate subject and issuer names stored in the flow. Every certificate renewal then needs a flow change; prefer role-based authorisation with a certificate-to-user mapping.`,
    });
  },
};

export const checks: RuleChecks = { channel: channelCheck };
