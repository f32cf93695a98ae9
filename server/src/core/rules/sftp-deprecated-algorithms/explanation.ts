import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { iflw } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'An SFTP channel with `allowDeprecatedAlgorithms` switched on.',
  why:
    'The option lets the SSH handshake fall back to algorithms that are considered broken or weak today (older key ' +
    'exchange, host key or cipher variants). An attacker in the path can then aim for the weakest one both sides accept.',
  fix: 'Switch the option off and ask the partner to enable current algorithms on the SFTP server.',
  before: iflw(['host', 'sftp.partner.example.com'], ['allowDeprecatedAlgorithms', '1']),
  after: iflw(['host', 'sftp.partner.example.com'], ['allowDeprecatedAlgorithms', '0']),
  sapPages: [SAP_PAGES.sftpReceiver],
};
