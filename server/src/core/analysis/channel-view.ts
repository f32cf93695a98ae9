import type { Channel, IflowProperty } from '../iflow/model';
import type { ParameterFile } from '../params/model';
import type { ResolvedValue } from '../params/resolved-value';
import { resolveValue } from '../params/resolve';
import { resolveTableValue } from './table-value';

/** How a channel reaches its peer, from `proxyType`. */
export type Connectivity = 'internet' | 'onPremise' | 'unknown';

// Receivers whose address is a URL; the ports rule and the clear-text rules apply to them.
const URL_ADDRESS_KEY: Readonly<Record<string, readonly string[]>> = {
  HTTP: ['httpAddressWithoutQuery'],
  HCIOData: ['address'],
  SOAP: ['address'],
  IDOC: ['address'],
  XI: ['Address', 'address'],
  AS2: ['receipientURL'],
  SuccessFactors: ['address'],
};

// Authentication key per URL-based receiver; values differ per adapter.
const AUTH_KEY: Readonly<Record<string, readonly string[]>> = {
  HTTP: ['authenticationMethod'],
  HCIOData: ['authenticationMethod'],
  SOAP: ['authentication'],
  IDOC: ['authentication'],
  XI: ['AuthenticationType'],
  AS2: ['authenticationType'],
  SuccessFactors: ['authenticationMethod', 'authenticationType'],
};

const views = new WeakMap<Channel, ChannelView>();

export type ReceiverAuth = 'none' | 'basic' | 'clientCertificate' | 'other' | 'unknown';

/** Something worked out from a channel view, such as its parsed address; see ChannelView.derived. */
export interface DerivedFact<T> {
  readonly derive: (view: ChannelView) => T;
}

/**
 * A channel together with its artifact's parameters: the rules' view of it.
 * Resolution is cached, since several rules read the same keys.
 */
export class ChannelView {
  /** Made on first use: every channel gets a view per analysis, but after an edit most are never asked (their findings are kept). */
  private cache: Map<string, ResolvedValue | undefined> | undefined;
  private facts: Map<DerivedFact<unknown>, unknown> | undefined;

  constructor(
    readonly channel: Channel,
    private readonly parameters: ParameterFile | undefined,
  ) {}

  /**
   * The view of a channel with these parameters, the same one as last time
   * when both are unchanged: after an edit elsewhere in the file a channel
   * object is often kept as it is (iflow/incremental.ts), and its resolved
   * values need not be worked out again.
   */
  static of(channel: Channel, parameters: ParameterFile | undefined): ChannelView {
    const known = views.get(channel);
    if (known && known.parameters === parameters) return known;
    const view = new ChannelView(channel, parameters);
    views.set(channel, view);
    return view;
  }

  get adapter(): string {
    return this.channel.adapter;
  }

  get isReceiver(): boolean {
    return this.channel.direction === 'Receiver';
  }

  get isSender(): boolean {
    return this.channel.direction === 'Sender';
  }

  property(key: string): IflowProperty | undefined {
    return this.channel.properties.get(key);
  }

  /** The resolved value of a key, or undefined when the key or its value is absent. */
  resolved(key: string): ResolvedValue | undefined {
    this.cache ??= new Map();
    if (this.cache.has(key)) return this.cache.get(key);
    const property = this.channel.properties.get(key);
    const value = property?.value ? resolveValue(property, this.parameters) : undefined;
    this.cache.set(key, value);
    return value;
  }

  /** `fact` of this view, derived once: several rules parse the same address. */
  derived<T>(fact: DerivedFact<T>): T {
    this.facts ??= new Map();
    if (this.facts.has(fact)) return this.facts.get(fact) as T;
    const value = fact.derive(this);
    this.facts.set(fact, value);
    return value;
  }

  /** The resolved value of a table-valued key (`clientCertificates`), its markup kept as text. */
  resolvedTable(key: string): ResolvedValue | undefined {
    const cacheKey = `table:${key}`;
    this.cache ??= new Map();
    if (this.cache.has(cacheKey)) return this.cache.get(cacheKey);
    const property = this.channel.properties.get(key);
    const value = property?.value ? resolveTableValue(property, this.parameters) : undefined;
    this.cache.set(cacheKey, value);
    return value;
  }

  /** First present key of a list (adapters spell the same setting differently across versions). */
  resolvedAny(keys: readonly string[]): ResolvedValue | undefined {
    for (const key of keys) {
      const value = this.resolved(key);
      if (value) return value;
    }
    return undefined;
  }

  /** Known text of a key, trimmed; undefined when absent or unknown. */
  known(key: string): string | undefined {
    const value = this.resolved(key);
    return value?.known ? value.text.trim() : undefined;
  }

  /** True when the key is set to one of the given values (case-insensitive). */
  is(key: string, ...values: string[]): boolean {
    const text = this.known(key)?.toLowerCase();
    return text !== undefined && values.some((v) => v.toLowerCase() === text);
  }

  /**
   * Internet unless `proxyType` says On-Premise. An absent key is the
   * adapter default (Internet); a parameter nobody can resolve, or a
   * proxy type chosen at runtime, is unknown.
   */
  get connectivity(): Connectivity {
    const proxy = this.resolved('proxyType');
    if (!proxy) return 'internet';
    if (!proxy.known) return 'unknown';
    const text = proxy.text.trim().toLowerCase();
    if (text === 'sapcc' || text === 'on-premise' || text === 'onpremise') return 'onPremise';
    if (text === 'dynamic') return 'unknown';
    return 'internet';
  }

  /** The address value of a URL-based receiver; undefined for any other channel. */
  get urlAddress(): ResolvedValue | undefined {
    if (!this.isReceiver) return undefined;
    const keys = URL_ADDRESS_KEY[this.adapter];
    return keys ? this.resolvedAny(keys) : undefined;
  }

  get isUrlReceiver(): boolean {
    return this.isReceiver && URL_ADDRESS_KEY[this.adapter] !== undefined;
  }

  /** The authentication value of a URL-based receiver. */
  get receiverAuthValue(): ResolvedValue | undefined {
    const keys = AUTH_KEY[this.adapter];
    return keys ? this.resolvedAny(keys) : undefined;
  }

  /** Authentication of a URL-based receiver, normalised across adapters. */
  get receiverAuth(): ReceiverAuth {
    const value = this.receiverAuthValue;
    if (!value) return 'unknown';
    if (!value.known) return 'unknown';
    const text = value.text.trim().toLowerCase().replace(/[\s_]/g, '');
    if (text === 'none' || text === 'noauthentication') return 'none';
    if (text === 'basic' || text === 'basicauthentication') return 'basic';
    if (text === 'clientcertificate' || text === 'clientcertificateauthentication' || text === 'certificate') return 'clientCertificate';
    if (text === 'dynamic' || text === '') return 'unknown';
    return 'other';
  }

  get isMail(): boolean {
    return this.adapter === 'Mail';
  }

  get isSftp(): boolean {
    return this.adapter === 'SFTP' || this.adapter === 'PollingSFTP';
  }

  get isAmqp(): boolean {
    return this.adapter === 'AMQP';
  }
}
