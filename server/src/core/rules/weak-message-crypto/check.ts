import type { ChannelView } from '../../analysis/channel-view';
import type { ChannelCheck, RuleChecks, Reporter } from '../rule';
import { channelLabel } from '../support/channel-facts';
import { isOn, setValue } from '../support/fixes';

const WEAK_DIGESTS = ['SHA1', 'MD5'];
const WEAK_CIPHERS = ['DES3', 'RC2'];

function checkAlgorithm(channel: ChannelView, report: Reporter, key: string, weak: string[], strong: string, what: string): void {
  const algorithm = channel.resolved(key);
  if (!algorithm?.known) return;
  const name = algorithm.text.trim();
  if (!weak.includes(name.toUpperCase())) return;
  report({
    on: algorithm,
    message: `The ${channelLabel(channel)} ${what} with ${name}, which is no longer considered secure. Choose ${strong} (the partner must support it).`,
    fixes: [setValue(algorithm, strong, `Use ${strong}`, false)],
  });
}

const channelCheck: ChannelCheck = {
  check(channel, report) {
    if (channel.adapter === 'SOAP') {
      // The algorithm key is present with its default even when WS-Security is off.
      const switchKey = channel.isReceiver ? 'WSSecurity_outbound' : 'WSSecurity';
      const security = channel.known(switchKey) ?? channel.known('WSSecurity');
      if (security === undefined || security === '' || security.toLowerCase() === 'none') return;
      if (channel.isReceiver) {
        checkAlgorithm(channel, report, 'WSSecurity_SignatureAlgorithm', WEAK_DIGESTS, 'SHA256', 'signs messages (WS-Security)');
      } else {
        // A sender verifies incoming signatures; its algorithm key carries an _Inbound suffix.
        const key = channel.property('WSSecurity_SignatureAlgorithm_Inbound')
          ? 'WSSecurity_SignatureAlgorithm_Inbound'
          : 'WSSecurity_SignatureAlgorithm';
        checkAlgorithm(channel, report, key, WEAK_DIGESTS, 'SHA256', 'verifies message signatures (WS-Security)');
      }
    } else if (channel.adapter === 'AS2') {
      if (isOn(channel.known('doSigning'))) checkAlgorithm(channel, report, 'signingAlgorithm', WEAK_DIGESTS, 'SHA256', 'signs messages');
      if (isOn(channel.known('doEncryption')))
        checkAlgorithm(channel, report, 'encryptionAlgorithm', WEAK_CIPHERS, 'AES256', 'encrypts messages');
    }
  },
};

export const checks: RuleChecks = { channel: channelCheck };
