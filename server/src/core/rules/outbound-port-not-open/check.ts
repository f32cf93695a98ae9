import type { ChannelView } from '../../analysis/channel-view';
import type { ChannelCheck, RuleChecks, FixSpec, Report } from '../rule';
import { channelLabel, hostAddress, urlAddress, type AddressFacts } from '../support/channel-facts';
import { replaceSlice } from '../support/fixes';

// Outbound ports open by default for Internet channels (security FAQ):
// HTTP(S) 443 and every port from 1024; SFTP 22; SMTP 25, 465 and 587.
const SCHEME_PORT: Readonly<Record<string, number>> = { http: 80, https: 443 };
const SMTP_OPEN = [25, 465, 587];

interface PortCheck {
  readonly address: AddressFacts;
  readonly port: number;
  readonly isOpen: boolean;
  readonly standardPort: number;
  readonly protocol: string;
  readonly openByDefault: string;
}

function portCheck(channel: ChannelView): PortCheck | undefined {
  if (channel.isUrlReceiver) {
    const address = urlAddress(channel);
    const port = address && effectivePort(address, address.endpoint.scheme ? SCHEME_PORT[address.endpoint.scheme] : undefined);
    if (!address || port === undefined) return undefined;
    const protocol = address.endpoint.scheme === 'http' ? 'HTTP' : 'HTTPS';
    return {
      address,
      port,
      isOpen: port === 443 || port >= 1024,
      standardPort: 443,
      protocol,
      openByDefault: '443 and every port from 1024',
    };
  }
  if (channel.isSftp) {
    const address = hostAddress(channel);
    const port = address && effectivePort(address, 22);
    if (!address || port === undefined) return undefined;
    return { address, port, isOpen: port === 22, standardPort: 22, protocol: 'SFTP', openByDefault: '22' };
  }
  if (channel.isMail && channel.isReceiver) {
    const address = hostAddress(channel);
    const port = address && effectivePort(address, 25);
    if (!address || port === undefined) return undefined;
    return { address, port, isOpen: SMTP_OPEN.includes(port), standardPort: 587, protocol: 'SMTP', openByDefault: '25, 465 and 587' };
  }
  return undefined;
}

/**
 * The explicit port, else the protocol default; undefined when the port is
 * unknown, including `http://{{HOST}}/x`, whose unresolved host may bring a `:port`.
 */
function effectivePort({ endpoint }: AddressFacts, defaultPort: number | undefined): number | undefined {
  if (!endpoint.portKnown) return undefined;
  return endpoint.hasExplicitPort ? endpoint.port : defaultPort;
}

const channelCheck: ChannelCheck = {
  check(channel, report, { config }) {
    // SFTP servers are always reached outbound, even by a polling sender.
    if (!channel.isReceiver && !channel.isSftp) return;
    if (channel.connectivity !== 'internet') return;
    const check = portCheck(channel);
    if (!check || check.isOpen || config.openedPorts.has(check.port)) return;
    const { address, port } = check;
    const fixes: FixSpec[] = [];
    // 443 under http:// would still be plain HTTP on the TLS port; the clear-text rules offer https:// instead.
    if (address.endpoint.portRange && address.endpoint.hasExplicitPort && check.protocol !== 'HTTP') {
      fixes.push(
        replaceSlice(
          address.value,
          address.endpoint.portRange,
          String(check.standardPort),
          `Use port ${check.standardPort} (${check.protocol})`,
          false,
        ),
      );
    }
    fixes.push({ title: `Record port ${port} as opened by request in .cpisecurity.json`, actions: [{ kind: 'openPort', port }] });
    const alternative = check.protocol === 'HTTP' ? 'use https:// on port 443' : `use port ${check.standardPort}`;
    const found: Report = {
      on: address.value,
      slice: address.endpoint.hasExplicitPort ? address.endpoint.portRange : (address.endpoint.schemeRange ?? address.endpoint.hostRange),
      message:
        `Port ${port} of the ${channelLabel(channel)} is not open for outbound ${check.protocol} connections by default ` +
        `(open: ${check.openByDefault}). Ask SAP to open it and record it under "openedPorts" in .cpisecurity.json, or ${alternative}.`,
      fixes,
    };
    report(found);
  },
};

export const checks: RuleChecks = { channel: channelCheck };
