import { SAP_PAGES } from '@cpi/common/knowledge/sap-pages';
import { text } from '@cpi/common/knowledge/samples';
import type { RuleExplanation } from '@cpi/common/knowledge/types';

export const explanation: RuleExplanation = {
  what: 'A PEM private key block, or a `.p12`, `.pfx`, `.jks` or `.key` file, inside the workspace.',
  why:
    'Keys belong in the tenant keystore, which the customer manages as a self-service and from which private keys cannot ' +
    'be downloaded. A key in a project folder ends up in backups and repository history where anyone with access can copy it.',
  fix:
    'Upload the key pair to the tenant keystore, delete the file (and purge it from the repository history), exclude ' +
    'such files in `.gitignore`, and replace the key if it was ever committed.',
  before: text('certificates/outbound/cpi-client.key', 'certificates/outbound/cpi-client.crt'),
  after: text('certificates/outbound/cpi-client.crt', '.gitignore: *.key *.p12 *.pfx *.jks'),
  sapPages: [SAP_PAGES.managingKeystoreEntries, SAP_PAGES.keystore],
};
