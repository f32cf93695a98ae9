import * as assert from 'node:assert/strict';
import { analyseArtifact } from '../../server/src/core/analysis/analyse-artifact';
import { ChannelView } from '../../server/src/core/analysis/channel-view';
import { parseIflow, parseParameters, type ParsedIflow, type ParsedParameters } from '../../server/src/core/analysis/parsed';
import { DEFAULT_CONFIG, type Config } from '../../server/src/core/config/model';
import { aliasUsage, analyseSecurityMaterial } from '../../server/src/core/tenant/analyse-material';
import { materialReferences } from '../../server/src/core/tenant/channel-material';
import { keystoreEntry, lookUpCredential } from '../../server/src/core/tenant/lookup';
import type { KeystoreEntry, SecurityMaterial } from '../../server/src/core/tenant/material';
import { makeCertificate } from '../support/certs';

// The tenant half of the rules: which names a channel's settings use, how
// they are looked up, the channel rules against a tenant's material, and
// the certificate rules over keystore entries and mapped certificates.

const NOW = new Date('2026-06-01T12:00:00Z');
const HOST = 'tenant.example.com';

type Props = Record<string, string>;

function iflowText(name: string, channels: readonly Props[]): string {
  const flows = channels.map((props, i) => {
    const properties = Object.entries(props)
      .map(([key, value]) => `<ifl:property><key>${key}</key><value>${value}</value></ifl:property>`)
      .join('\n');
    return `<bpmn2:messageFlow id="MessageFlow_${i + 1}" name="${props.ComponentType}" sourceRef="ServiceTask_${i + 1}" targetRef="Participant_${i + 1}">
<bpmn2:extensionElements>
${properties}
</bpmn2:extensionElements>
</bpmn2:messageFlow>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ifl="http:///com.sap.ifl.model/Ifl.xsd" id="Definitions_1">
<bpmn2:collaboration id="Collaboration_1" name="${name}">
${flows.join('\n')}
</bpmn2:collaboration>
</bpmn2:definitions>
`;
}

const folder = 'file:///work/Tenant%20Orders/src/main/resources';

function artifact(channels: readonly Props[], parameters?: string): { iflows: ParsedIflow[]; parameters?: ParsedParameters } {
  const iflows = [parseIflow(`${folder}/scenarioflows/integrationflow/Orders.iflw`, iflowText('Orders', channels))];
  return { iflows, parameters: parameters === undefined ? undefined : parseParameters(`${folder}/parameters.prop`, parameters) };
}

/** The references of the one channel built from `props`. */
function references(props: Props, parameters?: string) {
  const { iflows, parameters: parsed } = artifact([props], parameters);
  return materialReferences(ChannelView.of(iflows[0].model.channels[0], parsed?.file)).map((reference) => ({
    key: reference.key,
    name: reference.name,
    kind: reference.kind,
    detail: reference.kind === 'credential' ? reference.stores.join(',') : (reference.usage ?? 'none'),
  }));
}

const HTTP_RECEIVER = {
  ComponentType: 'HTTP',
  Name: 'Orders',
  direction: 'Receiver',
  httpAddressWithoutQuery: 'https://erp.example.com/orders',
  proxyType: 'default',
};

function material(parts: Partial<SecurityMaterial> = {}): SecurityMaterial {
  return {
    host: HOST,
    keystore: [],
    userCredentials: [],
    oauth2ClientCredentials: [],
    secureParameters: [],
    certificateUserMappings: [],
    ...parts,
  };
}

function entry(alias: string, parts: Partial<KeystoreEntry> = {}): KeystoreEntry {
  return { alias, hexalias: Buffer.from(alias).toString('hex'), type: 'Key Pair', owner: 'tenant', ...parts };
}

const config = (rules: Record<string, 'off' | 'error' | 'warning' | 'information'> = {}): Config => ({
  ...DEFAULT_CONFIG,
  rules: new Map(Object.entries(rules)),
});

describe('tenant: material a channel uses', () => {
  it('takes the credential of a Basic channel and leaves its unused private key alias', () => {
    assert.deepEqual(
      references({ ...HTTP_RECEIVER, authenticationMethod: 'Basic', credentialName: 'ERP_USER', privateKeyAlias: 'old_key' }),
      [{ key: 'credentialName', name: 'ERP_USER', kind: 'credential', detail: 'userCredential' }],
    );
  });

  it('takes the private key of a client-certificate channel as outbound, not its leftover credential', () => {
    assert.deepEqual(
      references({
        ...HTTP_RECEIVER,
        authenticationMethod: 'Client Certificate',
        credentialName: 'ERP_USER',
        privateKeyAlias: 'erp_client',
      }),
      [{ key: 'privateKeyAlias', name: 'erp_client', kind: 'keystoreAlias', detail: 'outbound' }],
    );
  });

  it('looks an OAuth2 client credentials name up among OAuth2 client credentials, and skips other OAuth grants', () => {
    assert.deepEqual(references({ ...HTTP_RECEIVER, authenticationMethod: 'OAuth2 Client Credentials', credentialName: 'ERP_OAUTH' }), [
      { key: 'credentialName', name: 'ERP_OAUTH', kind: 'credential', detail: 'oauth2ClientCredential' },
    ]);
    assert.deepEqual(
      references({ ...HTTP_RECEIVER, authenticationMethod: 'OAuth2 SAML Bearer Assertion', credentialName: 'ERP_SAML' }),
      [],
    );
  });

  it('resolves names and the authentication through parameters, and decides nothing on an unresolved one', () => {
    const props = { ...HTTP_RECEIVER, authenticationMethod: '{{Auth}}', credentialName: '{{Credential}}' };
    assert.deepEqual(references(props, 'Auth=Basic\nCredential=ERP_USER\n'), [
      { key: 'credentialName', name: 'ERP_USER', kind: 'credential', detail: 'userCredential' },
    ]);
    assert.deepEqual(references(props, 'Credential=ERP_USER\n'), [], 'authentication unknown');
    assert.deepEqual(references({ ...props, authenticationMethod: 'Basic' }), [], 'name unknown');
    assert.deepEqual(
      references({ ...HTTP_RECEIVER, authenticationMethod: 'Basic', credentialName: '${header.credential}' }),
      [],
      'chosen at run time',
    );
  });

  it('skips Partner Directory lookups, empty names and dynamic authentication', () => {
    assert.deepEqual(references({ ...HTTP_RECEIVER, authenticationMethod: 'Basic', credentialName: 'pd:Partner:Credential' }), []);
    assert.deepEqual(references({ ...HTTP_RECEIVER, authenticationMethod: 'Basic', credentialName: '' }), []);
    assert.deepEqual(
      references({
        ComponentType: 'SFTP',
        direction: 'Receiver',
        authentication: 'dynamic',
        credential_name: 'SFTP_USER',
        privateKeyAlias: 'ssh',
      }),
      [],
    );
  });

  it('does not take the JDBC data source alias for a credential', () => {
    assert.deepEqual(references({ ComponentType: 'JDBC', direction: 'Receiver', alias: 'ORDERS_DB' }), []);
    assert.deepEqual(references({ ComponentType: 'HCIOData', direction: 'Receiver', authenticationMethod: 'Basic', alias: 'S4_USER' }), [
      { key: 'alias', name: 'S4_USER', kind: 'credential', detail: 'userCredential' },
    ]);
  });

  it('gives an SFTP key no certificate usage, and reads its password credential only with password logins', () => {
    const sftp = { ComponentType: 'SFTP', direction: 'Receiver', credential_name: 'SFTP_USER', privateKeyAlias: 'ssh_key' };
    assert.deepEqual(references({ ...sftp, authentication: 'public_key' }), [
      { key: 'privateKeyAlias', name: 'ssh_key', kind: 'keystoreAlias', detail: 'none' },
    ]);
    assert.deepEqual(references({ ...sftp, authentication: 'user_password' }), [
      { key: 'credential_name', name: 'SFTP_USER', kind: 'credential', detail: 'userCredential' },
    ]);
  });

  it('takes AS2 signing and encryption aliases as message level only where switched on', () => {
    const as2 = {
      ComponentType: 'AS2',
      direction: 'Receiver',
      authenticationType: 'BasicAuthentication',
      userCredentialAlias: 'AS2_USER',
      privateKeyAliasForSigning: 'own_signing',
      publicKeyAliasForEncryption: 'partner_encryption',
    };
    assert.deepEqual(
      references({ ...as2, doSigning: '1', doEncryption: '0' }).map((r) => `${r.key}:${r.detail}`),
      ['userCredentialAlias:userCredential', 'privateKeyAliasForSigning:messageLevel'],
    );
    assert.deepEqual(
      references({ ...as2, doSigning: '0', doEncryption: '1' }).map((r) => r.key),
      ['userCredentialAlias', 'publicKeyAliasForEncryption'],
    );
  });

  it('takes SOAP WS-Security aliases only when WS-Security is on', () => {
    const soap = {
      ComponentType: 'SOAP',
      direction: 'Receiver',
      authentication: 'None',
      WSSecurityType_outbound: 'SignMessage',
      PrivateKeyAliasSigning: 'ws_signing',
      PublicKeyAliasEncryption: 'ws_encryption',
    };
    assert.deepEqual(references({ ...soap, WSSecurity_outbound: 'None' }), []);
    assert.deepEqual(
      references({ ...soap, WSSecurity_outbound: 'WSSecurity' }).map((r) => `${r.key}:${r.detail}`),
      ['PrivateKeyAliasSigning:messageLevel'],
    );
  });
});

describe('tenant: looking names up', () => {
  it('matches keystore aliases without regard to case', () => {
    const tenant = material({ keystore: [entry('Partner_Key')] });
    assert.equal(keystoreEntry(tenant, 'partner_key')?.alias, 'Partner_Key');
    assert.equal(keystoreEntry(tenant, 'partner_key2'), undefined);
  });

  it('finds a credential name under any credential type', () => {
    const tenant = material({
      userCredentials: [{ name: 'A', kind: 'default' }],
      oauth2ClientCredentials: [{ name: 'B', tokenServiceUrl: 'https://x' }],
      secureParameters: ['C'],
    });
    for (const name of ['A', 'B', 'C']) assert.equal(lookUpCredential(tenant, name, ['userCredential']), 'found', name);
    assert.equal(lookUpCredential(tenant, 'a', ['userCredential']), 'missing', 'credential names are case-sensitive');
  });

  it('leaves a name that could be a secure parameter unknown when the tenant did not list them', () => {
    const tenant = material({ secureParameters: undefined });
    assert.equal(lookUpCredential(tenant, 'TOKEN', ['secureParameter']), 'unknown');
    assert.equal(lookUpCredential(tenant, 'TOKEN', ['userCredential']), 'missing');
    assert.equal(lookUpCredential(material({ secureParameters: [] }), 'TOKEN', ['secureParameter']), 'missing');
  });
});

describe('tenant: channel rules', () => {
  const basic = { ...HTTP_RECEIVER, authenticationMethod: 'Basic', credentialName: 'ERP_USER' };
  const run = (tenant: SecurityMaterial | undefined, channels: readonly Props[] = [basic], input = artifact(channels)) =>
    analyseArtifact({ ...input, config: config(), today: NOW, securityMaterial: tenant }).findings.filter(
      (f) => f.ruleId === 'unknown-security-material' || f.ruleId === 'security-material-expiring-in-use',
    );

  it('stay silent without security material (local files)', () => {
    assert.deepEqual(run(undefined), []);
  });

  it('report a missing name on the channel value and stop once it is deployed', () => {
    const missing = run(material());
    assert.equal(missing.length, 1);
    assert.match(missing[0].message, /"ERP_USER" \(credentialName\), which is not deployed on tenant\.example\.com/);
    assert.deepEqual(run(material({ userCredentials: [{ name: 'ERP_USER', kind: 'default' }] })), []);
  });

  it('do not keep channel findings made against other material', () => {
    // the same parsed iFlow analysed twice: the channel findings cache must not answer for the new material
    const input = artifact([basic]);
    assert.equal(run(material(), [basic], input).length, 1);
    assert.equal(run(material({ userCredentials: [{ name: 'ERP_USER', kind: 'default' }] }), [basic], input).length, 0);
    assert.equal(run(material(), [basic], input).length, 1);
  });

  it('report an expiring alias as a warning and an expired one as an error, naming alias and date', () => {
    const channels = [{ ...HTTP_RECEIVER, authenticationMethod: 'Client Certificate', privateKeyAlias: 'erp_client' }];
    const expiring = run(material({ keystore: [entry('erp_client', { validNotAfter: new Date('2026-07-01T00:00:00Z') })] }), channels);
    assert.deepEqual(
      expiring.map((f) => [f.ruleId, f.severity]),
      [['security-material-expiring-in-use', 'warning']],
    );
    assert.match(expiring[0].message, /"erp_client".*2026-07-01/);
    const expired = run(material({ keystore: [entry('erp_client', { validNotAfter: new Date('2026-05-01T00:00:00Z') })] }), channels);
    assert.deepEqual(
      expired.map((f) => [f.ruleId, f.severity]),
      [['security-material-expiring-in-use', 'error']],
    );
    assert.deepEqual(run(material({ keystore: [entry('erp_client', { validNotAfter: new Date('2027-06-01T00:00:00Z') })] }), channels), []);
  });
});

describe('tenant: alias usage', () => {
  it('collects each alias with its usages, keyed in lower case', () => {
    const usage = aliasUsage([
      artifact([
        { ...HTTP_RECEIVER, authenticationMethod: 'Client Certificate', privateKeyAlias: 'Shared_Key' },
        {
          ComponentType: 'AS2',
          direction: 'Receiver',
          authenticationType: 'BasicAuthentication',
          doSigning: '1',
          privateKeyAliasForSigning: 'shared_key',
        },
        { ComponentType: 'SFTP', direction: 'Receiver', authentication: 'public_key', privateKeyAlias: 'ssh_key' },
        { ...HTTP_RECEIVER, authenticationMethod: 'Basic', privateKeyAlias: 'unused_key' },
      ]),
    ]);
    assert.deepEqual(
      [...usage].map(([alias, usages]) => [alias, [...usages].sort()]),
      [
        ['shared_key', ['messageLevel', 'outbound']],
        ['ssh_key', []],
      ],
    );
  });
});

describe('tenant: keystore and mapped certificates', () => {
  const valid = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2027-06-01T00:00:00Z') };
  const selfSigned = makeCertificate({ subject: 'partner.example.com', slot: 'tenant-self-signed', ...valid });
  const root = makeCertificate({ subject: 'Tenant Test Root', ca: true, slot: 'tenant-root', ...valid });
  const weak = makeCertificate({
    subject: 'old.example.com',
    key: { type: 'rsa', bits: 1024 },
    digest: 'sha1',
    slot: 'tenant-weak',
    notAfter: new Date('2026-05-01T00:00:00Z'),
    notBefore: new Date('2025-01-01T00:00:00Z'),
  });
  const bytes = (pem: string) => Buffer.from(pem, 'utf8');

  const findings = (tenant: SecurityMaterial, usage = new Map(), settings = config()) =>
    analyseSecurityMaterial(tenant, usage, settings, NOW).findings.map((f) => ({ rule: f.ruleId, uri: f.uri, severity: f.severity }));

  it('treats an entry no iFlow uses as outbound trust, at its keystore URI', () => {
    const result = analyseSecurityMaterial(
      material({ keystore: [entry('partner', { certificate: bytes(selfSigned.pem) })] }),
      new Map(),
      config(),
      NOW,
    );
    assert.deepEqual(
      result.findings.map((f) => f.ruleId),
      ['outbound-cert-self-signed'],
    );
    const [finding] = result.findings;
    assert.equal(finding.uri, `cpi-tenant://${HOST}/keystore/partner`);
    assert.deepEqual(finding.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(finding.message, /^Keystore entry "partner": Self-signed certificate CN=partner\.example\.com/);
    assert.equal(finding.subject, 'partner');
  });

  it('takes the usage from the iFlows: self-signed is allowed (information) at message level', () => {
    const usage = new Map([['partner', new Set(['messageLevel' as const])]]);
    assert.deepEqual(
      findings(material({ keystore: [entry('Partner', { certificate: bytes(selfSigned.pem) })] }), usage).map((f) => f.rule),
      ['message-cert-self-signed'],
    );
    const both = new Map([['partner', new Set(['messageLevel' as const, 'outbound' as const])]]);
    assert.deepEqual(
      findings(material({ keystore: [entry('partner', { certificate: bytes(selfSigned.pem) })] }), both)
        .map((f) => f.rule)
        .sort(),
      ['message-cert-self-signed', 'outbound-cert-self-signed'],
    );
  });

  it('exempts trust anchors and SSH keys from the self-signed rules', () => {
    assert.deepEqual(findings(material({ keystore: [entry('root', { type: 'Certificate', certificate: bytes(root.pem) })] })), []);
    assert.deepEqual(
      findings(material({ keystore: [entry('ssh', { certificate: bytes(selfSigned.pem) })] }), new Map([['ssh', new Set()]])),
      [],
    );
    const wildcardSsh = entry('ssh', {
      subjectDN: 'CN=*.example.com',
      keyType: 'RSA',
      keySize: 1024,
      validNotAfter: new Date('2027-01-01T00:00:00Z'),
    });
    assert.deepEqual(
      findings(material({ keystore: [wildcardSsh] }), new Map([['ssh', new Set()]])).map((f) => f.rule),
      ['cert-weak-key'],
      'an SSH key: its strength counts, not its name',
    );
  });

  it("applies every certificate rule to the tenant's own entries, only cert-expired to SAP's", () => {
    const own = findings(material({ keystore: [entry('old', { certificate: bytes(weak.pem) })] }));
    assert.deepEqual(own.map((f) => f.rule).sort(), ['cert-expired', 'cert-weak-key', 'cert-weak-signature', 'outbound-cert-self-signed']);
    const sap = findings(material({ keystore: [entry('old', { owner: 'SAP', certificate: bytes(weak.pem) })] }));
    assert.deepEqual(
      sap.map((f) => f.rule),
      ['cert-expired'],
    );
  });

  it('falls back to the listed fields without certificate bytes, never guessing self-signed', () => {
    const listed = entry('listed', {
      keyType: 'RSA',
      keySize: 1024,
      signatureAlgorithm: 'SHA1withRSA',
      subjectDN: 'CN=*.partner.example.com, O=Partner',
      issuerDN: 'CN=*.partner.example.com, O=Partner',
      validNotBefore: new Date('2026-01-01T00:00:00Z'),
      validNotAfter: new Date('2026-06-20T00:00:00Z'),
    });
    assert.deepEqual(
      findings(material({ keystore: [listed] }))
        .map((f) => f.rule)
        .sort(),
      ['cert-expiring-soon', 'cert-weak-key', 'cert-weak-signature', 'cert-wildcard-cn'],
    );
    assert.deepEqual(findings(material({ keystore: [entry('no-dates')] })), [], 'nothing to check without bytes or dates');
  });

  it('checks mapped certificates as inbound: self-signed and expiry only', () => {
    const tenant = material({
      certificateUserMappings: [
        { user: 'partner-user', certificate: selfSigned.der },
        { user: 'old-user', certificate: weak.der },
      ],
    });
    const byPlace = (a: { uri: string; rule: string }, b: { uri: string; rule: string }) =>
      a.uri.localeCompare(b.uri) || a.rule.localeCompare(b.rule);
    assert.deepEqual(findings(tenant).sort(byPlace), [
      { rule: 'cert-expired', uri: `cpi-tenant://${HOST}/certificate-user-mappings/old-user`, severity: 'error' },
      { rule: 'inbound-cert-self-signed', uri: `cpi-tenant://${HOST}/certificate-user-mappings/old-user`, severity: 'error' },
      { rule: 'inbound-cert-self-signed', uri: `cpi-tenant://${HOST}/certificate-user-mappings/partner-user`, severity: 'error' },
    ]);
  });

  it('uses ValidUntil when a mapped certificate cannot be read', () => {
    const tenant = material({
      certificateUserMappings: [{ user: 'u', certificate: new Uint8Array([1, 2, 3]), validUntil: new Date('2026-06-10T00:00:00Z') }],
    });
    assert.deepEqual(
      findings(tenant).map((f) => f.rule),
      ['cert-expiring-soon'],
    );
  });

  it('reports a clear-text token URL on the credential, honouring the configured severity', () => {
    const tenant = material({
      oauth2ClientCredentials: [{ name: 'Partner OAuth', tokenServiceUrl: 'http://auth.partner.example.com/token' }],
    });
    assert.deepEqual(findings(tenant), [
      { rule: 'oauth-token-url-cleartext', uri: `cpi-tenant://${HOST}/credentials/Partner%20OAuth`, severity: 'error' },
    ]);
    assert.deepEqual(
      findings(tenant, new Map(), config({ 'oauth-token-url-cleartext': 'warning' })).map((f) => f.severity),
      ['warning'],
    );
    assert.deepEqual(findings(tenant, new Map(), config({ 'oauth-token-url-cleartext': 'off' })), []);
  });

  it('advises https:// for a public token host, the Cloud Connector for a private one (still flagged)', () => {
    const tenant = material({
      oauth2ClientCredentials: [
        { name: 'Partner', tokenServiceUrl: 'http://auth.partner.example.com/token' },
        { name: 'ERP', tokenServiceUrl: 'HTTP://10.0.0.5:8080/token' },
        { name: 'IdP', tokenServiceUrl: 'http://idp.corp/oauth/token' },
      ],
    });
    const messages = analyseSecurityMaterial(tenant, new Map(), config(), NOW).findings.map((f) => f.message);
    assert.equal(messages.length, 3);
    assert.match(
      messages[0],
      /^OAuth2 client credential "Partner" fetches its tokens from http:\/\/auth\.partner\.example\.com\/token: plain HTTP.*Use the token service's https:\/\/ URL\.$/,
    );
    for (const [message, host] of [
      [messages[1], '10.0.0.5'],
      [messages[2], 'idp.corp'],
    ]) {
      assert.ok(message.includes(`"${host}", a private host, which the tenant reaches only through the Cloud Connector`), message);
      assert.match(message, /back-end protocol HTTPS/);
      assert.doesNotMatch(message, /Use the token service's https:\/\/ URL/);
    }
  });
});
