import type { ChannelCheck, RuleChecks, FixSpec } from '../rule';
import type { ChannelView } from '../../analysis/channel-view';
import { channelLabel, hostAddress, urlAddress, type AddressFacts } from '../support/channel-facts';
import { replaceAction } from '../support/fixes';
import { isPrivateHost } from '../support/hosts';

const channelCheck: ChannelCheck = {
  check(channel, report) {
    if (channel.connectivity !== 'internet') return;
    const address = channel.isUrlReceiver
      ? urlAddress(channel)
      : channel.isSftp || channel.isMail || channel.isAmqp
        ? hostAddress(channel)
        : undefined;
    const host = address?.endpoint.host;
    if (!address || host === undefined || !isPrivateHost(host)) return;
    // the Cloud Connector does not pass client certificates (onpremise-client-cert): the authentication has to change first
    const clientCertificate = channel.receiverAuth === 'clientCertificate';
    report({
      on: address.value,
      slice: address.endpoint.hostRange,
      message:
        `The ${channelLabel(channel)} addresses "${host}", a private or internal host, over the Internet, where it is not reachable. ` +
        (clientCertificate
          ? 'Connect through the Cloud Connector (proxy type On-Premise), with an authentication other than the client certificate, which does not work through it.'
          : 'Connect through the Cloud Connector: proxy type On-Premise with the location id of your Cloud Connector, and http:// to its virtual host.'),
      fixes: clientCertificate ? [] : onPremiseFix(channel, address),
    });
  },
};

/**
 * The proxy type set to On-Premise, and an https:// address turned to
 * http://, which the Cloud Connector expects (onpremise-https-address): one
 * fix, so neither half is applied without the other.
 */
function onPremiseFix(channel: ChannelView, address: AddressFacts): FixSpec[] {
  const proxy = channel.resolved('proxyType');
  if (!proxy?.known) return [];
  const onPremise = proxy.text.trim() === 'Internet' ? 'On-Premise' : 'sapcc';
  const actions = [replaceAction(proxy, 0, proxy.text.length, onPremise)];
  const { scheme, schemeRange } = address.endpoint;
  const toHttp = channel.isUrlReceiver && scheme === 'https' && schemeRange !== undefined;
  if (toHttp) actions.push(replaceAction(address.value, schemeRange[0], schemeRange[1], 'http'));
  const title = `Set the proxy type to On-Premise${toHttp ? ' with http:// to the virtual host' : ''} (then set the location id of your Cloud Connector)`;
  return [{ title, preferred: true, actions }];
}

export const checks: RuleChecks = { channel: channelCheck };
