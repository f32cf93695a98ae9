import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'sftp-deprecated-algorithms',
  title: 'SFTP allows deprecated algorithms',
  section: 'network',
  defaultSeverity: 'warning',
  faq: [FAQ.sftpSmtpPorts],
  helpUrl: helpPageUrl('4ef52cf6c89b44219ab7c23ef8a1df31'), // Configure the SFTP Receiver Adapter
};
