import { ruleMeta } from './catalogue';
import type { ChannelRule } from './rule';
import { channelLabel } from './support/channel-facts';

export const senderCertificateDnAuth: ChannelRule = {
  meta: ruleMeta('sender-certificate-dn-auth')!,
  check(channel, report) {
    if (!channel.isSender || !channel.is('senderAuthType', 'ClientCertificate')) return;
    report({
      on: channel.resolved('senderAuthType')!,
      message: `The ${channelLabel(channel)} authorises callers by comparing certificate subject and issuer names stored in the flow. Every certificate renewal then needs a flow change; prefer role-based authorisation with a certificate-to-user mapping.`,
    });
  },
};
