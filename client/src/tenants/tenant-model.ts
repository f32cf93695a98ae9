// The Tenants view as data, free of VS Code: which tenants are kept (their
// non-secret part), what a scan said about each package and artifact, and
// the words the tree shows. The view (tenants-view.ts) turns these into tree
// items; tests check them directly.
import type {
  KeystoreEntrySummary,
  SecurityMaterialSummary,
  SeverityCounts,
  TenantArtifactFindings,
  TenantScanResult,
} from '@cpi/common/tenant-protocol';

/** What is kept of a tenant outside secret storage: no secret, no client id. */
export interface TenantRecord {
  readonly host: string;
  readonly url: string;
  /** The name the user gave, shown in the tree. */
  readonly name: string;
}

/** Accumulated results of a tenant's scans; kept until the tenant is refreshed. */
export interface TenantScanState {
  readonly scannedAt: number;
  /** Counts by `<packageId>\0<artifactId>`, for every artifact scanned. */
  readonly artifacts: ReadonlyMap<string, SeverityCounts>;
  /** Packages scanned (their artifacts without findings count as clean). */
  readonly packages: ReadonlySet<string>;
  /** Whether the last whole-tenant scan covered everything. */
  readonly wholeTenant: boolean;
  readonly material?: SecurityMaterialSummary;
  readonly problems: readonly string[];
  readonly incomplete: boolean;
}

const ZERO: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };

/** The url and host of a pasted or picked service key, or why it is not one; the secret is not looked at. */
export function serviceKeyTarget(text: string): { readonly url: string; readonly host: string } | { readonly error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return {
      error:
        'This is not JSON. Paste the whole service key as the BTP cockpit shows it: { "oauth": { "clientid", "clientsecret", "url", "tokenurl" } }.',
    };
  }
  const oauth = (json as { oauth?: Record<string, unknown> } | null)?.oauth;
  if (typeof oauth !== 'object' || oauth === null)
    return { error: 'The JSON has no "oauth" object: is it the service key of a Process Integration Runtime instance of plan api?' };
  const missing = ['clientid', 'clientsecret', 'url', 'tokenurl'].filter(
    (field) => typeof oauth[field] !== 'string' || (oauth[field] as string).trim() === '',
  );
  if (missing.length > 0) return { error: `The service key lacks ${missing.map((field) => `oauth.${field}`).join(', ')}.` };
  let url: URL;
  try {
    url = new URL((oauth.url as string).trim());
  } catch {
    return { error: 'oauth.url of the service key is not a URL.' };
  }
  if (url.protocol !== 'https:')
    return { error: 'oauth.url of the service key is not https://: the credentials would travel in clear text.' };
  return { url: url.origin, host: url.host };
}

/** A short default name for a tenant: the first label of its host (`my-tenant` of my-tenant.it-cpi018.cfapps…); an IP address whole. */
export function defaultTenantName(host: string): string {
  if (/^[\d.:]+$|^\[/.test(host)) return host;
  return host.split('.')[0].split(':')[0] || host;
}

/** Adds or replaces (same host) a tenant, keeping the list sorted by name. */
export function withTenant(list: readonly TenantRecord[], record: TenantRecord): TenantRecord[] {
  return [...list.filter((tenant) => tenant.host !== record.host), record].sort(
    (a, b) => a.name.localeCompare(b.name) || a.host.localeCompare(b.host),
  );
}

export function withoutTenant(list: readonly TenantRecord[], host: string): TenantRecord[] {
  return list.filter((tenant) => tenant.host !== host);
}

/** Only well-formed records from globalState (a hand-edited or older state is dropped, not trusted). */
export function readTenantRecords(value: unknown): TenantRecord[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is TenantRecord =>
      typeof item === 'object' &&
      item !== null &&
      typeof item.host === 'string' &&
      typeof item.url === 'string' &&
      typeof item.name === 'string',
  );
}

const artifactKey = (packageId: string, artifactId: string) => `${packageId}\0${artifactId}`;

/**
 * The state after a scan. A package scan replaces what earlier scans said
 * about those packages and keeps the rest (and the security material); a
 * whole-tenant scan replaces everything. A cancelled or failed scan changes nothing.
 */
export function afterScan(
  previous: TenantScanState | undefined,
  result: TenantScanResult,
  packageIds: readonly string[],
): TenantScanState | undefined {
  if (result.cancelled || result.error) return previous;
  const whole = packageIds.length === 0;
  const artifacts = new Map<string, SeverityCounts>();
  const packages = new Set<string>(whole ? [] : (previous?.packages ?? []));
  if (!whole && previous) {
    for (const [key, counts] of previous.artifacts) if (!packageIds.includes(key.split('\0')[0])) artifacts.set(key, counts);
  }
  for (const id of packageIds) packages.add(id);
  for (const artifact of result.artifacts) {
    artifacts.set(artifactKey(artifact.packageId, artifact.artifactId), artifact.counts);
    packages.add(artifact.packageId);
  }
  const material = result.material ?? (whole ? undefined : previous?.material);
  return {
    scannedAt: result.scannedAt,
    artifacts,
    packages,
    wholeTenant: whole || (previous?.wholeTenant ?? false),
    ...(material ? { material } : {}),
    problems: result.problems,
    incomplete: result.incomplete,
  };
}

/** Counts of one artifact: undefined while its package was not scanned, zeros once it was and nothing was found. */
export function artifactCounts(state: TenantScanState | undefined, packageId: string, artifactId: string): SeverityCounts | undefined {
  if (!state || !(state.wholeTenant || state.packages.has(packageId))) return undefined;
  return state.artifacts.get(artifactKey(packageId, artifactId)) ?? ZERO;
}

export function packageCounts(state: TenantScanState | undefined, packageId: string): SeverityCounts | undefined {
  if (!state || !(state.wholeTenant || state.packages.has(packageId))) return undefined;
  let sum = ZERO;
  for (const [key, counts] of state.artifacts) if (key.split('\0')[0] === packageId) sum = add(sum, counts);
  return sum;
}

export function add(a: SeverityCounts, b: SeverityCounts): SeverityCounts {
  return { error: a.error + b.error, warning: a.warning + b.warning, information: a.information + b.information, hint: a.hint + b.hint };
}

/** `2 errors · 1 warning`, `no findings`, or `not scanned`. */
export function describeCounts(counts: SeverityCounts | undefined): string {
  if (!counts) return 'not scanned';
  const parts: string[] = [];
  const say = (n: number, one: string, many: string) => n > 0 && parts.push(`${n} ${n === 1 ? one : many}`);
  say(counts.error, 'error', 'errors');
  say(counts.warning, 'warning', 'warnings');
  say(counts.information, 'info', 'infos');
  say(counts.hint, 'hint', 'hints');
  return parts.length > 0 ? parts.join(' · ') : 'no findings';
}

/** The most severe level present, for the icon; undefined when clean or not scanned. */
export function worstSeverity(counts: SeverityCounts | undefined): keyof SeverityCounts | undefined {
  if (!counts) return undefined;
  return (['error', 'warning', 'information', 'hint'] as const).find((level) => counts[level] > 0);
}

const ENTRY_FLAGS: readonly [string, string][] = [
  ['cert-expired', 'expired'],
  ['cert-expiring-soon', 'expiring'],
  ['cert-weak-key', 'weak key'],
  ['cert-weak-signature', 'weak signature'],
  ['outbound-cert-self-signed', 'self-signed'],
  ['message-cert-self-signed', 'self-signed'],
  ['cert-wildcard-cn', 'wildcard'],
];

/** `expired 2025-01-31 · self-signed · used by Orders, Invoices`, or `unused` when no scanned iFlow uses it. */
export function describeKeystoreEntry(entry: KeystoreEntrySummary): string {
  const flags = [...new Set(ENTRY_FLAGS.filter(([rule]) => entry.rules.includes(rule)).map(([, flag]) => flag))];
  const until = entry.validUntil?.slice(0, 10);
  const parts = [
    flags.length > 0 && flags[0] === 'expired' && until
      ? `expired ${until}`
      : flags.includes('expiring') && until
        ? `expires ${until}`
        : until
          ? `until ${until}`
          : '',
  ];
  parts.push(...flags.filter((flag) => flag !== 'expired' && flag !== 'expiring'));
  if (entry.owner === 'SAP') parts.push('SAP');
  parts.push(usedBy(entry.usedBy));
  return parts.filter(Boolean).join(' · ');
}

export function usedBy(names: readonly string[], shown = 3): string {
  if (names.length === 0) return 'unused';
  const head = names.slice(0, shown).join(', ');
  return names.length > shown ? `used by ${head} +${names.length - shown}` : `used by ${head}`;
}

/** `Tenant scanned 14:05`-style text for descriptions and the status item. */
export function scannedWhen(state: TenantScanState | undefined, now: Date, locale?: string): string {
  if (!state) return 'not scanned';
  const at = new Date(state.scannedAt);
  const sameDay = at.toDateString() === now.toDateString();
  const time = at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return `scanned ${sameDay ? time : `${at.toLocaleDateString(locale)} ${time}`}${state.incomplete ? ' (incomplete)' : ''}`;
}

/** The counts of artifacts as the server sent them, by package, for tests and the status. */
export function totalCounts(artifacts: readonly TenantArtifactFindings[]): SeverityCounts {
  return artifacts.reduce((sum, artifact) => add(sum, artifact.counts), ZERO);
}

/**
 * The status bar text after tenant scans: the tenant scanned last, when, and
 * its findings (`CPI tenant dev: 3 errors · 1 warning, scanned 14:05`);
 * undefined before any scan.
 */
export function tenantStatusText(
  tenants: readonly TenantRecord[],
  stateOf: (host: string) => TenantScanState | undefined,
  now: Date,
  locale?: string,
): { readonly text: string; readonly tooltip: string } | undefined {
  const scanned = tenants.flatMap((tenant) => {
    const state = stateOf(tenant.host);
    return state ? [{ tenant, state }] : [];
  });
  if (scanned.length === 0) return undefined;
  const { tenant, state } = scanned.reduce((latest, next) => (next.state.scannedAt > latest.state.scannedAt ? next : latest));
  let total: SeverityCounts = ZERO;
  for (const counts of state.artifacts.values()) total = add(total, counts);
  for (const entry of state.material?.keystore ?? []) total = add(total, entry.counts);
  for (const item of state.material?.credentials ?? []) total = add(total, item.counts);
  for (const mapping of state.material?.certificateUserMappings ?? []) total = add(total, mapping.counts);
  const text = `CPI tenant ${tenant.name}: ${describeCounts(total)}, ${scannedWhen(state, now, locale)}`;
  const others = scanned
    .filter((other) => other.tenant.host !== tenant.host)
    .map((other) => `${other.tenant.name}: ${scannedWhen(other.state, now, locale)}`);
  return { text, tooltip: [`${tenant.name} (${tenant.host}) ${scannedWhen(state, now, locale)}`, ...others].join('\n') };
}
