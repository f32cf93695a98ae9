// Whether a certificate file is binary DER rather than PEM text: `.crt` and
// `.cer` are used for both, and VS Code picks an editor by name alone.

/** An ASN.1 SEQUENCE (0x30) followed by bytes no PEM text holds (control bytes or bytes above ASCII). */
export function looksLikeDer(bytes: Uint8Array): boolean {
  if (bytes.length < 2 || bytes[0] !== 0x30) return false;
  return bytes.subarray(0, 64).some((byte) => byte >= 0x80 || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d));
}
