// Hosts that only exist inside a private network. An Internet channel cannot
// reach them; they need the Cloud Connector (proxy type On-Premise).

const PRIVATE_SUFFIXES = ['.local', '.lan', '.internal', '.corp', '.intranet', '.home.arpa', '.localhost'];

export function isPrivateHost(rawHost: string): boolean {
  const host = rawHost
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (host === '') return false;
  if (host === 'localhost') return true;
  const ipv4 = parseIpv4(host);
  if (ipv4) return isPrivateIpv4(ipv4);
  if (host.includes(':')) return isPrivateIpv6(host);
  if (!host.includes('.')) return true; // single-label names resolve only inside a network
  return PRIVATE_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

function parseIpv4(host: string): number[] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return undefined;
  const parts = match.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : undefined;
}

function isPrivateIpv4([a, b]: number[]): boolean {
  return (
    a === 10 ||
    a === 127 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    (a === 100 && b >= 64 && b <= 127) // carrier-grade NAT, never routed on the Internet
  );
}

function isPrivateIpv6(host: string): boolean {
  if (host === '::1') return true;
  const first = parseInt(host.split(':')[0] || '0', 16);
  if ((first & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
  if (mapped) {
    const ipv4 = parseIpv4(mapped[1]);
    return ipv4 ? isPrivateIpv4(ipv4) : false;
  }
  return false;
}
