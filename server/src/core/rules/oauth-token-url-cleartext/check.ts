import type { RuleChecks } from '../rule';
import type { SecurityMaterialCheck } from '../security-material-check';
import { isPrivateHost } from '../support/hosts';

/** Hosts a request to which never leaves the machine. */
function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  return name === 'localhost' || name.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(name) || name === '::1';
}

/**
 * Why plain HTTP hurts here and what to do. A private host is still flagged (the
 * secret is in clear text on some network), but https:// is not the whole answer:
 * the tenant reaches such a host only through the Cloud Connector, where http://
 * to the virtual host is the norm (as for channels, see channel-facts.ts plainHttpAdvice)
 * and the hop to the token service is secured in the connector's mapping.
 */
function advice(host: string): string {
  return isPrivateHost(host)
    ? `plain HTTP to "${host}", a private host, which the tenant reaches only through the Cloud Connector. Its tunnel is TLS-protected up to the connector: keep http:// to the virtual host and map it to the token service with back-end protocol HTTPS, so the client secret and the tokens are not in clear text on the last hop either.`
    : "plain HTTP, so the client secret and the tokens cross the network in clear text. Use the token service's https:// URL.";
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
        message: `OAuth2 client credential "${credential.name}" fetches its tokens from ${text}: ${advice(host)}`,
      });
    }
  },
};

export const checks: RuleChecks = { securityMaterial: materialCheck };
