import { FAQ, helpPageUrl } from '@cpi/common/knowledge/sap-help';
import type { RuleMeta } from '@cpi/common/rules/catalogue';

export const meta: RuleMeta = {
  id: 'mail-unencrypted',
  title: 'Mail without encryption',
  section: 'network',
  defaultSeverity: 'warning',
  faq: [FAQ.sftpSmtpPorts],
  helpUrl: helpPageUrl('c9b8cae7ec3e475bb8efaef8e8de28e9'), // Use Secure Protocols
  guideline: 'USE_SECURE_PROTOCOLS',
};
