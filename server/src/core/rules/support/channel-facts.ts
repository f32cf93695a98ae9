import type { ChannelView, DerivedFact } from '../../analysis/channel-view';
import { parseHostPort, parseUrl, type Endpoint } from '../../params/endpoint';
import type { ResolvedValue } from '../../params/resolved-value';
import { replaceAction, replaceSlice } from './fixes';
import { isPrivateHost } from './hosts';
import type { FixSpec } from '../rule';

/** `receiver "Orders" (HTTP)`, for messages. */
export function channelLabel(channel: ChannelView): string {
  const role = channel.isSender ? 'sender' : channel.isReceiver ? 'receiver' : 'channel';
  return `${role} "${channel.channel.name}" (${channel.adapter || 'unknown adapter'})`;
}

export interface AddressFacts {
  readonly value: ResolvedValue;
  readonly endpoint: Endpoint;
}

const URL_ADDRESS: DerivedFact<AddressFacts | undefined> = {
  derive(channel) {
    const value = channel.urlAddress;
    if (!value) return undefined;
    const endpoint = parseUrl(value.text);
    return endpoint ? { value, endpoint } : undefined;
  },
};

const HOST_ADDRESS: DerivedFact<AddressFacts | undefined> = {
  derive(channel) {
    const value = channel.resolved(channel.isMail ? 'server' : 'host');
    if (!value) return undefined;
    const endpoint = parseHostPort(value.text);
    return endpoint ? { value, endpoint } : undefined;
  },
};

/** The parsed URL of a URL-based receiver. */
export function urlAddress(channel: ChannelView): AddressFacts | undefined {
  return channel.derived(URL_ADDRESS);
}

/** Address of an Internet URL-based receiver whose scheme is plain `http`. */
export function plainHttpAddress(channel: ChannelView): AddressFacts | undefined {
  if (channel.connectivity !== 'internet') return undefined;
  const address = urlAddress(channel);
  return address?.endpoint.scheme === 'http' ? address : undefined;
}

/**
 * Whether the address names a host that only a private network knows. Its
 * channel needs the Cloud Connector (proxy type On-Premise), which expects
 * http:// to its virtual host, so https:// is no cure there.
 */
export function isPrivateAddress(address: AddressFacts): boolean {
  const host = address.endpoint.host;
  return host !== undefined && isPrivateHost(host);
}

/** The advice closing a message on plain HTTP over the Internet; it agrees with private-host-via-internet. */
export function plainHttpAdvice(address: AddressFacts): string {
  return isPrivateAddress(address)
    ? `"${address.endpoint.host}" is a private host: connect through the Cloud Connector (proxy type On-Premise), whose tunnel is TLS-protected, and keep http:// to its virtual host.`
    : 'Use https://.';
}

/** `http://` to `https://`, dropping an explicit `:80` that would then be wrong; none for a private host (see isPrivateAddress). */
export function upgradeToHttps(address: AddressFacts): FixSpec[] {
  const { value, endpoint } = address;
  if (!endpoint.schemeRange || isPrivateAddress(address)) return [];
  const fix = replaceSlice(value, endpoint.schemeRange, 'https', 'Use https://');
  if (endpoint.port === 80 && endpoint.portRange) {
    // the colon before the port goes too
    const dropPort = replaceAction(value, endpoint.portRange[0] - 1, endpoint.portRange[1], '');
    return [{ ...fix, title: 'Use https:// (without :80)', actions: [...fix.actions, dropPort] }];
  }
  return [fix];
}

/** The `host[:port]` setting of an SFTP, mail or AMQP channel. */
export function hostAddress(channel: ChannelView): AddressFacts | undefined {
  return channel.derived(HOST_ADDRESS);
}
