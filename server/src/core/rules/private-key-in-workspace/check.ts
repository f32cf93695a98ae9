import type { CertificateBlock } from '../../certs/model';
import { fileExtension } from '../../certs/read';
import type { CertificateFileCheck } from '../certificate-check';
import type { RuleChecks } from '../rule';

const KEY_FILE_EXTENSIONS = new Set(['.p12', '.pfx', '.jks', '.key']);
const KEYSTORE_ADVICE =
  'private keys belong in the tenant keystore (Monitor > Manage Security > Keystore), not in source control. ' +
  'Remove it and, if it was ever committed, replace the key pair.';

function privateKeyMessage(block: CertificateBlock): string {
  const encrypted = block.label.includes('ENCRYPTED') ? ' It is encrypted, but then it is only as safe as its password.' : '';
  return `Private key (${block.label}) in the workspace: ${KEYSTORE_ADVICE}${encrypted}`;
}

const certificateFileCheck: CertificateFileCheck = {
  check(file, report, { fileName }) {
    for (const block of file.blocks) {
      if (block.kind === 'private-key') report({ range: block.headerRange, message: privateKeyMessage(block), subject: block.label });
    }
    // Key stores and binary .key files hold keys we do not open: the file itself is the finding.
    const extension = fileExtension(fileName);
    if (!KEY_FILE_EXTENSIONS.has(extension) || file.blocks.some((block) => block.kind === 'private-key')) return;
    if (extension === '.key' && file.blocks.length > 0) return; // a .key file holding only other PEM blocks
    const what = file.keyStore ? `Key store file (${file.keyStore})` : 'Key file';
    report({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: `${what} in the workspace: ${KEYSTORE_ADVICE}`,
      subject: fileName,
    });
  },
};

export const checks: RuleChecks = { certificateFile: certificateFileCheck };
