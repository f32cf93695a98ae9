import type { ChannelView } from '../analysis/channel-view';
import type { CertificateUsage } from '../certs/model';
import type { ResolvedValue } from '../params/resolved-value';

// Which security material a channel names, and whether its settings use it.
// A channel keeps every name it was ever given: a `privateKeyAlias` stays in
// the file after the channel switched to Basic authentication, and the
// runtime never reads it. So each key below comes with the setting that makes
// the adapter read it; where that setting is a parameter nobody can resolve
// or a runtime choice (`dynamic`), the reference is left out (unknown is not
// a verdict). Keys and adapters follow the iFlows of the corpus.

/** Where a credential name may be deployed on the tenant. */
export type CredentialStore = 'userCredential' | 'oauth2ClientCredential' | 'secureParameter';

export type MaterialReference =
  | {
      readonly kind: 'credential';
      readonly key: string;
      /** The name, trimmed. */
      readonly name: string;
      readonly value: ResolvedValue;
      /** The deployed artifact types that can hold the name for this use. */
      readonly stores: readonly CredentialStore[];
    }
  | {
      readonly kind: 'keystoreAlias';
      readonly key: string;
      readonly name: string;
      readonly value: ResolvedValue;
      /**
       * What the certificate behind the alias is used for; undefined for
       * SSH keys (SFTP), where no certificate is checked by anyone.
       */
      readonly usage?: CertificateUsage;
    };

/** Authentication settings normalised across adapters (lower case, no blanks, dashes or underscores). */
type AuthClass =
  | 'none'
  | 'basic'
  | 'oauth2ClientCredentials'
  | 'otherOAuth'
  | 'clientCertificate'
  | 'sasl'
  | 'publicKey'
  | 'userPassword'
  | 'dual'
  | 'mailLogin'
  | 'other';

function authClass(text: string): AuthClass | undefined {
  const t = text.toLowerCase().replace(/[\s_-]/g, '');
  if (t === '' || t === 'dynamic') return undefined;
  if (t === 'none' || t === 'noauthentication') return 'none';
  if (t === 'basic' || t === 'basicauthentication') return 'basic';
  if (t === 'oauth2clientcredentials' || t === 'oauth2clientcredential') return 'oauth2ClientCredentials';
  if (t.startsWith('oauth')) return 'otherOAuth';
  if (t === 'clientcertificate' || t === 'clientcertificateauthentication' || t === 'certificate') return 'clientCertificate';
  if (t === 'sasl') return 'sasl';
  if (t === 'publickey') return 'publicKey';
  if (t === 'userpassword' || t === 'usernamepassword') return 'userPassword';
  if (t === 'dual') return 'dual';
  if (t.startsWith('login') || t === 'plain' || t === 'crammd5') return 'mailLogin';
  return 'other';
}

/** The setting naming how the channel authenticates, per adapter. */
const AUTH_KEYS: Readonly<Record<string, readonly string[]>> = {
  HTTP: ['authenticationMethod'],
  HCIOData: ['authenticationMethod'],
  SOAP: ['authentication'],
  IDOC: ['authentication'],
  XI: ['AuthenticationType'],
  AS2: ['authenticationType'],
  SuccessFactors: ['authenticationMethod', 'authenticationType'],
  AMQP: ['authentication'],
  SFTP: ['authentication'],
  PollingSFTP: ['authentication'],
  Mail: ['auth'],
  AdvancedEventMesh: ['authenticationType'],
};

/** Adapters whose authentication setting may be absent, with what that means. */
const AUTH_DEFAULT: Readonly<Record<string, AuthClass>> = {
  // the SuccessFactors SOAP variant has no setting and always sends Basic
  SuccessFactors: 'basic',
};

function channelAuth(channel: ChannelView, keys = AUTH_KEYS[channel.adapter]): AuthClass | undefined {
  if (!keys) return undefined;
  const value = channel.resolvedAny(keys);
  if (!value) return AUTH_DEFAULT[channel.adapter];
  return value.known ? authClass(value.text) : undefined;
}

/** True, false, or undefined when the channel's settings cannot tell. */
type Use = (channel: ChannelView) => boolean | undefined;

const authIn =
  (...classes: AuthClass[]): Use =>
  (channel) => {
    const auth = channelAuth(channel);
    return auth === undefined ? undefined : classes.includes(auth);
  };

/** A switch such as AS2's `doSigning`: used when on, unused when off, unknown otherwise. */
const switchedOn =
  (key: string): Use =>
  (channel) => {
    const value = channel.resolved(key);
    if (!value) return false;
    if (!value.known) return undefined;
    const text = value.text.trim().toLowerCase();
    if (text === '1' || text === 'true') return true;
    if (text === '0' || text === 'false' || text === 'none') return false;
    return undefined;
  };

/**
 * SOAP WS-Security: `WSSecurity_outbound` (receiver) or `WSSecurity`
 * (sender) switches it on; the type key says what it does. `pattern`
 * picks signing or encryption out of the type; without it any type counts.
 */
const wsSecurity =
  (pattern?: RegExp): Use =>
  (channel) => {
    const [switchKey, typeKey] = channel.isReceiver ? ['WSSecurity_outbound', 'WSSecurityType_outbound'] : ['WSSecurity', 'WSSecurityType'];
    const on = channel.resolved(switchKey);
    if (!on) return false;
    if (!on.known) return undefined;
    if (/^none$/i.test(on.text.trim())) return false;
    if (!pattern) return true;
    const type = channel.resolved(typeKey);
    if (!type?.known) return undefined;
    return pattern.test(type.text);
  };

/** AS2 receivers verify a signed MDN only when they ask for one. */
const as2MdnVerification: Use = (channel) => {
  const mdn = channel.resolved('mdnType');
  if (mdn?.known && /^none$/i.test(mdn.text.trim())) return false;
  return switchedOn('verifyMDNSignature')(channel);
};

const always: Use = () => true;

const mdnAuth: Use = (channel) => {
  const auth = channelAuth(channel, ['mdnAuthenticationType']);
  return auth === undefined ? undefined : auth === 'basic';
};

/** Settings are tied to a direction: an AS2 sender's MDN settings, a receiver's client key. */
const direction =
  (which: 'Sender' | 'Receiver', use: Use): Use =>
  (channel) =>
    (which === 'Sender' ? channel.isSender : channel.isReceiver) ? use(channel) : false;

interface KeyRule {
  readonly kind: 'credential' | 'keystoreAlias';
  /** Adapters the key means security material for; absent = any. */
  readonly adapters?: readonly string[];
  readonly used: Use;
  /** Credentials: where the name can live, given the authentication in use. */
  readonly stores?: (channel: ChannelView) => readonly CredentialStore[] | undefined;
  /** Aliases: what the certificate serves. */
  readonly usage?: CertificateUsage;
}

/** Basic, SASL and user/password logins name a User Credentials artifact; OAuth2 client credentials their own type. */
const byAuth = (channel: ChannelView): readonly CredentialStore[] | undefined => {
  const auth = channelAuth(channel);
  if (auth === 'oauth2ClientCredentials') return ['oauth2ClientCredential'];
  if (auth === 'basic' || auth === 'sasl' || auth === 'userPassword' || auth === 'dual' || auth === 'mailLogin') return ['userCredential'];
  return undefined; // other OAuth grants name artifact types the tenant scan does not read
};

const USER: readonly CredentialStore[] = ['userCredential'];

/**
 * The keys of TENANT.md, each with the setting under which its adapter
 * reads it. `alias` of the JDBC adapter names a data source, not security
 * material, hence the adapter list. `tokenCredential` (Mail, OAuth2) names an
 * OAuth2 authorization-code credential, a type the scan does not read: it is
 * not listed, so never looked up.
 */
const KEYS: Readonly<Record<string, KeyRule>> = {
  credentialName: { kind: 'credential', used: authIn('basic', 'oauth2ClientCredentials', 'sasl', 'mailLogin'), stores: byAuth },
  alias: { kind: 'credential', adapters: ['HCIOData', 'SuccessFactors'], used: authIn('basic', 'oauth2ClientCredentials'), stores: byAuth },
  user: { kind: 'credential', adapters: ['Mail'], used: authIn('mailLogin'), stores: () => USER },
  credential_name: { kind: 'credential', adapters: ['SFTP', 'PollingSFTP'], used: authIn('userPassword', 'dual'), stores: () => USER },
  BasicAuthCredentialName: { kind: 'credential', adapters: ['XI'], used: authIn('basic'), stores: () => USER },
  userCredentialAlias: { kind: 'credential', adapters: ['AS2'], used: direction('Receiver', authIn('basic')), stores: () => USER },
  mdnUserCredentialAlias: { kind: 'credential', adapters: ['AS2'], used: direction('Sender', mdnAuth), stores: () => USER },
  UserNameTokenCredentialName: {
    kind: 'credential',
    adapters: ['SOAP'],
    used: (channel) => {
      const option = channel.resolved('UserNameTokenOption');
      if (!option) return false;
      return option.known ? !/^none$/i.test(option.text.trim()) : undefined;
    },
    stores: () => USER,
  },
  // a SOCKS or HTTP proxy's login, where a channel names one
  proxyAlias: { kind: 'credential', used: always, stores: () => USER },

  // transport client authentication: outbound
  privateKeyAlias: {
    kind: 'keystoreAlias',
    used: (channel) => (channel.isSftp ? authIn('publicKey', 'dual')(channel) : authIn('clientCertificate')(channel)),
    usage: 'outbound', // SFTP overrides below: an SSH key has no certificate anyone checks
  },
  odataCertAuthPrivateKeyAlias: {
    kind: 'keystoreAlias',
    adapters: ['HCIOData', 'SuccessFactors'],
    used: authIn('clientCertificate'),
    usage: 'outbound',
  },
  ClientCertificateAlias: { kind: 'keystoreAlias', used: authIn('clientCertificate'), usage: 'outbound' },
  keyStoreAlias: { kind: 'keystoreAlias', used: authIn('clientCertificate'), usage: 'outbound' },
  trustStoreAlias: { kind: 'keystoreAlias', used: always, usage: 'outbound' },

  // message-level signing, encryption and verification
  PrivateKeyAliasSigning: { kind: 'keystoreAlias', adapters: ['SOAP'], used: wsSecurity(/sign/i), usage: 'messageLevel' },
  PublicKeyAliasEncryption: { kind: 'keystoreAlias', adapters: ['SOAP'], used: wsSecurity(/encrypt/i), usage: 'messageLevel' },
  PrivateKeyAliasResponseSigning: { kind: 'keystoreAlias', adapters: ['SOAP'], used: wsSecurity(), usage: 'messageLevel' },
  PublicKeyAliasResponseEncryption: { kind: 'keystoreAlias', adapters: ['SOAP'], used: wsSecurity(), usage: 'messageLevel' },
  privateKeyAliasForSigning: {
    kind: 'keystoreAlias',
    adapters: ['AS2'],
    used: direction('Receiver', switchedOn('doSigning')),
    usage: 'messageLevel',
  },
  publicKeyAliasForEncryption: {
    kind: 'keystoreAlias',
    adapters: ['AS2'],
    used: direction('Receiver', switchedOn('doEncryption')),
    usage: 'messageLevel',
  },
  publicKeyAliasForMDNVerification: {
    kind: 'keystoreAlias',
    adapters: ['AS2'],
    used: direction('Receiver', as2MdnVerification),
    usage: 'messageLevel',
  },
  privateKeyAliasForDecryption: { kind: 'keystoreAlias', adapters: ['AS2'], used: direction('Sender', always), usage: 'messageLevel' },
  publicKeyAliasForVerification: { kind: 'keystoreAlias', adapters: ['AS2'], used: direction('Sender', always), usage: 'messageLevel' },
  publicKeyRootAliasForVerification: { kind: 'keystoreAlias', adapters: ['AS2'], used: direction('Sender', always), usage: 'messageLevel' },
  privateKeyAliasForMDNSigning: { kind: 'keystoreAlias', adapters: ['AS2'], used: direction('Sender', always), usage: 'messageLevel' },
  mdnPrivateKeyAlias: { kind: 'keystoreAlias', adapters: ['AS2'], used: direction('Sender', always), usage: 'messageLevel' },
};

/** The keys looked at, for documentation and tests. */
export const MATERIAL_KEYS: readonly string[] = Object.keys(KEYS);

/**
 * A name is only a name when it is known, not empty, and not looked up at
 * run time: `pd:` reads the Partner Directory, `${...}` a header or property
 * (resolution already marks those unknown).
 */
function knownName(value: ResolvedValue): string | undefined {
  if (!value.known) return undefined;
  const name = value.text.trim();
  if (name === '' || /^pd:/i.test(name)) return undefined;
  return name;
}

/** The security material a channel's settings actually use, in key order. */
export function materialReferences(channel: ChannelView): MaterialReference[] {
  const found: MaterialReference[] = [];
  for (const [key, rule] of Object.entries(KEYS)) {
    if (rule.adapters && !rule.adapters.includes(channel.adapter)) continue;
    const value = channel.resolved(key);
    if (!value) continue;
    const name = knownName(value);
    if (name === undefined) continue;
    if (rule.used(channel) !== true) continue;
    if (rule.kind === 'credential') {
      const stores = rule.stores?.(channel);
      if (stores) found.push({ kind: 'credential', key, name, value, stores });
    } else {
      const usage = key === 'privateKeyAlias' && channel.isSftp ? undefined : rule.usage;
      found.push({ kind: 'keystoreAlias', key, name, value, usage });
    }
  }
  return found;
}
