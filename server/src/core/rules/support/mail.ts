import type { ChannelView } from '../../analysis/channel-view';
import type { FixSpec } from '../rule';
import { setValue } from './fixes';

/** The encrypted setting for a mail channel: STARTTLS mandatory for SMTP, IMAPS/POP3S for mailbox polling. */
export function encryptMailFix(channel: ChannelView): FixSpec[] {
  const ssl = channel.resolved('ssl');
  if (!ssl?.known) return [];
  if (channel.isReceiver) return [setValue(ssl, 'starttls_mandatory', 'Require STARTTLS (starttls_mandatory)')];
  if (channel.is('TransportProtocol', 'POP3')) return [setValue(ssl, 'pop3s', 'Use POP3S (pop3s)', false)];
  return [setValue(ssl, 'imaps', 'Use IMAPS (imaps)', false)];
}
