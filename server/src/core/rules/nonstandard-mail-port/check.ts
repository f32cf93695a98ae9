import type { ChannelCheck, RuleChecks } from '../rule';
import { channelLabel, hostAddress } from '../support/channel-facts';
import { replaceSlice } from '../support/fixes';

// IMAP 143 / IMAPS 993, POP3 110 / POP3S 995.
const STANDARD_PORTS = [143, 993, 110, 995];

const channelCheck: ChannelCheck = {
  check(channel, report) {
    if (!channel.isMail || !channel.isSender) return;
    const address = hostAddress(channel);
    const endpoint = address?.endpoint;
    if (!address || !endpoint?.hasExplicitPort || !endpoint.portKnown || endpoint.port === undefined) return;
    if (STANDARD_PORTS.includes(endpoint.port)) return;
    const pop3 = channel.is('TransportProtocol', 'POP3');
    const secure = pop3 ? { port: '995', name: 'POP3S' } : { port: '993', name: 'IMAPS' };
    report({
      on: address.value,
      slice: endpoint.portRange,
      message: `The ${channelLabel(channel)} polls its mailbox on port ${endpoint.port}, not a standard IMAP or POP3 port (143, 993, 110, 995). Check the port; ${secure.name} uses ${secure.port}.`,
      fixes: endpoint.portRange
        ? [replaceSlice(address.value, endpoint.portRange, secure.port, `Use port ${secure.port} (${secure.name})`, false)]
        : [],
    });
  },
};

export const checks: RuleChecks = { channel: channelCheck };
