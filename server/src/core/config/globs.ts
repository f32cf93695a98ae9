// Glob matching of files against the configuration: which files are ignored,
// which certificates serve which purpose, which suppressions apply. Globs are
// relative to the configuration's folder and use picomatch syntax, with two
// conveniences familiar from .gitignore: a glob without '/' matches a file
// or folder name at any depth, and a glob that matches a folder covers
// everything inside it.
import picomatch from 'picomatch';
import type { CertificateUsage } from '../certs/model';
import { ANY_RULE, CERTIFICATE_USAGES, type Config, type Suppression } from './model';
import { isExpired } from '@cpi/common/config/dates';
import { comparableUri } from './uri';

/** The '/'-separated path of `fileUri` below `rootUri`, or undefined when the file is not inside it. */
export function relativePath(rootUri: string, fileUri: string): string | undefined {
  const root = comparableUri(rootUri);
  const file = comparableUri(fileUri);
  if (!file.startsWith(root + '/')) return undefined;
  const relative = file.slice(root.length + 1);
  return relative === '' ? undefined : relative;
}

type Matcher = (path: string) => boolean;
const MAX_CACHED = 1000;
const matchers = new Map<string, Matcher>();

function matcherFor(glob: string): Matcher {
  let matcher = matchers.get(glob);
  if (!matcher) {
    // Globs are always anchored at the configuration's folder: "./x" and "/x" mean "x", "x/" means the folder x.
    const pattern = glob
      .trim()
      .replace(/^(?:\.\/|\/)+/, '')
      .replace(/\/+$/, '');
    matcher = picomatch(pattern, { dot: true, basename: !pattern.includes('/') });
    if (matchers.size >= MAX_CACHED) matchers.clear();
    matchers.set(glob, matcher);
  }
  return matcher;
}

/** True when a glob matches the path itself or one of the folders containing it. */
export function matchesAny(globs: readonly string[], relPath: string): boolean {
  if (globs.length === 0) return false;
  const segments = relPath.split('/');
  const candidates: string[] = [];
  for (let end = segments.length; end > 0; end--) candidates.push(segments.slice(0, end).join('/'));
  return globs.some((glob) => {
    const matcher = matcherFor(glob);
    return candidates.some((candidate) => matcher(candidate));
  });
}

function pathInConfig(config: Config, fileUri: string): string | undefined {
  return config.root === undefined ? undefined : relativePath(config.root, fileUri);
}

export function isIgnored(config: Config, fileUri: string): boolean {
  const path = pathInConfig(config, fileUri);
  return path !== undefined && matchesAny(config.ignore, path);
}

/** The declared usage of a certificate file; the first list that matches wins, in the order inbound, outbound, message-level. */
export function certificateUsage(config: Config, fileUri: string): CertificateUsage | undefined {
  const path = pathInConfig(config, fileUri);
  if (path === undefined) return undefined;
  return CERTIFICATE_USAGES.find((usage) => matchesAny(config.certificates[usage], path));
}

/** What a finding is about, for suppressions narrowed by `channel` or `subject` (see Finding). */
export interface SuppressedSubject {
  readonly channel?: string;
  readonly subject?: string;
}

/** The first suppression that silences `ruleId` in this file and has not expired. */
export function activeSuppression(
  config: Config,
  ruleId: string,
  fileUri: string,
  today: Date,
  about: SuppressedSubject = {},
): Suppression | undefined {
  return config.suppressions.find((suppression) => {
    if (suppression.rule !== ruleId && suppression.rule !== ANY_RULE) return false;
    if (isExpired(suppression.expires, today)) return false;
    // a narrowed suppression covers only findings that name the same channel or subject
    if (suppression.channel !== undefined && suppression.channel !== about.channel) return false;
    if (suppression.subject !== undefined && suppression.subject !== about.subject) return false;
    if (suppression.file === undefined) return true;
    const path = pathInConfig(config, fileUri);
    return path !== undefined && matchesAny([suppression.file], path);
  });
}

/** Suppressions whose expiry day has passed, to be reported on the configuration file. */
export function expiredSuppressions(config: Config, today: Date): Suppression[] {
  return config.suppressions.filter((suppression) => isExpired(suppression.expires, today));
}
