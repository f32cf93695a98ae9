import { curveDisplayName } from './algorithms';
import type { CertificateInfo, CertificateUsage } from './model';

// Short phrases naming a certificate, its key and its usage, shared by
// finding messages, hovers and code lenses.

/** `CN=api.example.com` when there is a common name, else the whole subject, else the serial. */
export function certificateName(info: CertificateInfo): string {
  const cn = info.subjectAttributes.find((a) => a.type === 'CN');
  if (cn) return `CN=${cn.value}`;
  return info.subject !== '' ? info.subject : `serial ${info.serial}`;
}

/** `RSA 2048`, `EC P-256`, `Ed25519`. */
export function keyPhrase(info: CertificateInfo): string {
  if (info.keyType === 'EC') return info.curve ? `EC ${curveDisplayName(info.curve)}` : 'EC';
  if (info.keyType === 'Ed25519' || info.keyType === 'Ed448') return info.keyType;
  return info.keyBits !== undefined ? `${info.keyType} ${info.keyBits}` : info.keyType;
}

/** `self-signed CA`, `self-signed` or `CA-signed`. */
export function signerPhrase(info: CertificateInfo): string {
  if (info.selfSigned) return info.isCA ? 'self-signed CA' : 'self-signed';
  return 'CA-signed';
}

export function usagePhrase(usage: CertificateUsage | undefined): string {
  switch (usage) {
    case 'inbound':
      return 'inbound (client authentication to Cloud Integration)';
    case 'outbound':
      return 'outbound (Cloud Integration authenticating to a receiver)';
    case 'messageLevel':
      return 'message-level signing and encryption';
    default:
      return 'not declared (treated as outbound)';
  }
}

/** How to declare a file's usage, appended to findings whose severity depends on it. */
export function declareUsageHint(fileName: string): string {
  const glob = JSON.stringify(fileName.replace(/\\/g, '/'));
  return (
    ` Its usage is not declared, so it is treated as outbound; declare it in .cpisecurity.json under "certificates"` +
    ` (glob lists "inbound", "outbound", "messageLevel"), e.g. "certificates": { "inbound": [${glob}] }.`
  );
}
