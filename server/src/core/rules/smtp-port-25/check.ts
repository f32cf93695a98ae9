import type { ChannelCheck, RuleChecks, FixAction, FixSpec } from '../rule';
import { channelLabel, hostAddress } from '../support/channel-facts';
import { replaceAction } from '../support/fixes';

const channelCheck: ChannelCheck = {
  check(channel, report) {
    if (!channel.isMail || !channel.isReceiver) return;
    const address = hostAddress(channel);
    const endpoint = address?.endpoint;
    // Port 25 written, or no port on a known host (an unresolved host may bring its own port).
    // A known `:25` counts even behind a `<placeholder>` host.
    if (!address || !endpoint?.portKnown) return;
    if (endpoint.hasExplicitPort ? endpoint.port !== 25 : endpoint.host === undefined) return;
    const ssl = channel.resolved('ssl');
    const fix = (port: string, sslValue: string, title: string): FixSpec | undefined => {
      const actions: FixAction[] = [];
      if (endpoint.hasExplicitPort && endpoint.portRange) {
        actions.push(replaceAction(address.value, endpoint.portRange[0], endpoint.portRange[1], port));
      } else if (endpoint.hostRange) {
        actions.push(replaceAction(address.value, endpoint.hostRange[1], endpoint.hostRange[1], `:${port}`));
      }
      if (ssl) actions.push(replaceAction(ssl, 0, ssl.text.length, sslValue));
      return actions.length === (ssl ? 2 : 1) ? { title, actions, preferred: false } : undefined;
    };
    const fixes = [
      fix('587', 'starttls_mandatory', 'Use port 587 with STARTTLS mandatory'),
      fix('465', 'smtps', 'Use port 465 with SMTPS'),
    ];
    report({
      on: address.value,
      slice: endpoint.hasExplicitPort ? endpoint.portRange : endpoint.hostRange,
      message: `The ${channelLabel(channel)} submits mail on port 25, the server-to-server relay port that many providers block for clients. Use 587 with STARTTLS mandatory, or 465 with SMTPS.`,
      fixes: fixes.filter((f): f is FixSpec => f !== undefined),
    });
  },
};

export const checks: RuleChecks = { channel: channelCheck };
