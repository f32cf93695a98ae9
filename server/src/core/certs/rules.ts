import type { Finding, Severity } from '../findings';
import { ruleMeta } from '../rules/catalogue';
import type { Range } from '../text/range';
import { curveDisplayName, WEAK_SIGNATURE_HASHES } from './algorithms';
import type { CertificateBlock, CertificateFile, CertificateInfo, CertificateUsage } from './model';
import { fileExtension } from './read';
import { days, isoDay, validityState } from './validity';
import { certificateName, declareUsageHint } from './wording';

export { describeCertificate, summarizeCertificate } from './describe';

export interface CertificateCheckContext {
  readonly uri: string;
  /** From the configuration's `certificates` globs; undefined = not declared (treated as outbound). */
  readonly usage?: CertificateUsage;
  readonly now: Date;
  /** cert-expiring-soon window; 0 or less switches the rule off. */
  readonly expiryWarningDays: number;
  /** Workspace-relative path, used in the hint on declaring usage. */
  readonly fileName: string;
}

const KEY_FILE_EXTENSIONS = new Set(['.p12', '.pfx', '.jks', '.key']);
const KEYSTORE_ADVICE =
  'private keys belong in the tenant keystore (Monitor > Manage Security > Keystore), not in source control. ' +
  'Remove it and, if it was ever committed, replace the key pair.';

function defaultSeverity(ruleId: string): Severity {
  return ruleMeta(ruleId)?.defaultSeverity ?? 'warning';
}

export function checkCertificateFile(file: CertificateFile, ctx: CertificateCheckContext): Finding[] {
  const findings: Finding[] = [];
  const add = (ruleId: string, range: Range, message: string, subject?: string, severity = defaultSeverity(ruleId)): void => {
    findings.push({ ruleId, severity, message, uri: ctx.uri, range, related: [], fixes: [], subject });
  };

  for (const block of file.blocks) {
    if (block.kind === 'private-key') add('private-key-in-workspace', block.range, privateKeyMessage(block), block.label);
    if (block.info) checkCertificate(block.info, block.range, ctx, add);
  }

  // Key stores and binary .key files hold keys we do not open: the file itself is the finding.
  const extension = fileExtension(ctx.fileName);
  if (KEY_FILE_EXTENSIONS.has(extension) && !file.blocks.some((b) => b.kind === 'private-key')) {
    const holdsOnlyOtherPem = extension === '.key' && file.blocks.length > 0;
    if (!holdsOnlyOtherPem) {
      const what = file.keyStore ? `Key store file (${file.keyStore})` : 'Key file';
      add(
        'private-key-in-workspace',
        { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        `${what} in the workspace: ${KEYSTORE_ADVICE}`,
        ctx.fileName,
      );
    }
  }
  return findings;
}

type Add = (ruleId: string, range: Range, message: string, subject?: string, severity?: Severity) => void;

function checkCertificate(info: CertificateInfo, range: Range, ctx: CertificateCheckContext, add: Add): void {
  const name = certificateName(info);
  const subject = info.subject || name;
  const undeclared = ctx.usage === undefined ? declareUsageHint(ctx.fileName) : '';
  // A self-signed CA is a trust anchor (a root uploaded to the keystore): being self-signed is its nature.
  const trustAnchor = info.selfSigned && info.isCA;

  if (info.selfSigned && !trustAnchor) {
    if (ctx.usage === 'inbound') {
      add('inbound-cert-self-signed', range, `Self-signed certificate ${name} is used for inbound client authentication: Cloud Integration does not accept self-signed client certificates. Use a certificate signed by a CA.`, subject);
    } else if (ctx.usage === 'messageLevel') {
      add('message-cert-self-signed', range, `Self-signed certificate ${name} is used for message-level signing or encryption: allowed, but SAP recommends a CA-signed certificate.`, subject);
    } else {
      add('outbound-cert-self-signed', range, `Self-signed certificate ${name} is used for outbound connections: SAP recommends a CA-signed certificate.${undeclared}`, subject);
    }
  }

  const wildcardNames = [...(info.wildcardCn ? [certificateName(info)] : []), ...info.wildcardDnsNames.map((n) => `DNS:${n}`)];
  if (wildcardNames.length > 0) {
    const inbound = ctx.usage === 'inbound';
    add(
      'cert-wildcard-cn',
      range,
      `Certificate ${name} uses a wildcard name (${wildcardNames.join(', ')}): SAP recommends the full host name in the CN` +
        (inbound ? '; wildcards are supported for certificate-based client authentication.' : ' and supports wildcards for certificate-based client authentication only.') +
        undeclared,
      subject,
      inbound ? 'information' : 'warning',
    );
  }

  const validity = validityState(info, ctx.now);
  if (validity.state === 'expired') {
    add('cert-expired', range, `Certificate ${name} expired on ${isoDay(info.notAfter)}${validity.daysAgo > 0 ? ` (${days(validity.daysAgo)} ago)` : ''}: renew it and replace it in the keystore.`, subject);
  } else if (validity.state === 'not-yet-valid') {
    add('cert-expired', range, `Certificate ${name} is not valid before ${isoDay(info.notBefore)} (in ${days(validity.daysUntilValid)}): connections using it fail until then.`, subject);
  } else if (ctx.expiryWarningDays > 0 && validity.daysLeft < ctx.expiryWarningDays) {
    const when = validity.daysLeft === 0 ? 'today' : `in ${days(validity.daysLeft)}`;
    add('cert-expiring-soon', range, `Certificate ${name} expires ${when} (${isoDay(info.notAfter)}), within the ${ctx.expiryWarningDays}-day warning window: renew it and update the keystore before then.`, subject);
  }

  const weakKey = weakKeyReason(info);
  if (weakKey) add('cert-weak-key', range, `Certificate ${name} has a weak key: ${weakKey}.`, subject);

  // A trust anchor's own signature is never checked by a relying party, so its digest does not matter.
  if (!trustAnchor && info.signatureHash !== undefined && WEAK_SIGNATURE_HASHES.has(info.signatureHash)) {
    add('cert-weak-signature', range, `Certificate ${name} is signed with ${info.signatureAlgorithm}: ${info.signatureHash} is no longer safe for signatures. Have it reissued with SHA-256 or stronger.`, subject);
  }
}

function weakKeyReason(info: CertificateInfo): string | undefined {
  if ((info.keyType === 'RSA' || info.keyType === 'RSA-PSS') && info.keyBits !== undefined && info.keyBits < 2048) {
    return `${info.keyType} ${info.keyBits} bits (use at least 2048)`;
  }
  if (info.keyType === 'DSA') return `DSA${info.keyBits ? ` ${info.keyBits} bits` : ''} (DSA is deprecated; use RSA with at least 2048 bits or EC with at least 256)`;
  if (info.keyType === 'EC' && info.keyBits !== undefined && info.keyBits < 256) {
    return `EC ${info.curve ? `${curveDisplayName(info.curve)}, ` : ''}${info.keyBits} bits (use a curve of at least 256 bits)`;
  }
  return undefined;
}

function privateKeyMessage(block: CertificateBlock): string {
  const encrypted = block.label.includes('ENCRYPTED') ? ' It is encrypted, but then it is only as safe as its password.' : '';
  return `Private key (${block.label}) in the workspace: ${KEYSTORE_ADVICE}${encrypted}`;
}
