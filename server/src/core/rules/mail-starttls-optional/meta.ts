import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'mail-starttls-optional',
  title: 'Optional STARTTLS for mail',
  section: 'network',
  defaultSeverity: 'warning',
  faq: [FAQ.sftpSmtpPorts],
  helpUrl: helpPageUrl('f68d5e03fd574f509f89474f6a6e272a'), // Configure the Mail Receiver Adapter
  guideline: 'USE_SECURE_PROTOCOLS',
};
