import type { RuleChecks } from '../rule';
import type { SecurityMaterialCheck } from '../security-material-check';

/** Hosts a request to which never leaves the machine. */
function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  return name === 'localhost' || name.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(name) || name === '::1';
}

/** A deployed OAuth2 client credential that sends its client secret to an http:// token service. */
const materialCheck: SecurityMaterialCheck = {
  check(material, report) {
    for (const credential of material.oauth2ClientCredentials) {
      const text = credential.tokenServiceUrl.trim();
      if (!/^http:\/\//i.test(text)) continue;
      let host: string;
      try {
        host = new URL(text).hostname;
      } catch {
        host = text.slice('http://'.length).split(/[/:?#]/)[0];
      }
      if (host === '' || isLoopback(host)) continue;
      report({
        on: { kind: 'credential', name: credential.name },
        message: `OAuth2 client credential "${credential.name}" fetches its tokens from ${text}: plain HTTP, so the client secret and the tokens cross the network in clear text. Use the token service's https:// URL.`,
      });
    }
  },
};

export const checks: RuleChecks = { securityMaterial: materialCheck };
