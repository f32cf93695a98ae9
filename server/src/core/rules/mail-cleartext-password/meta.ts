import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'mail-cleartext-password',
  title: 'Mail password sent in clear text',
  section: 'network',
  defaultSeverity: 'error',
  faq: [FAQ.sftpSmtpPorts],
  helpUrl: helpPageUrl('f68d5e03fd574f509f89474f6a6e272a'), // Configure the Mail Receiver Adapter
  guideline: 'USE_SECURE_AUTHENTICATION_METHODS',
};
