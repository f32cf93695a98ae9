// Which scripts the linter reads. Scripts of Script steps live under an
// artifact's src/main/resources/script/ (iFlows and script collections
// alike); every .groovy, .gsh and .js file inside an artifact folder, or
// inside a zip or package export, counts. Groovy files elsewhere count only
// when the configuration lists them under `scripts`: a repository holds
// plenty of Groovy and JavaScript that never runs on a tenant.
import { matchesAny, relativePath } from '../config/globs';
import type { Config } from '../config/model';
import type { ScriptLanguage } from '../script/model';

export type { ScriptLanguage } from '../script/model';

const GROOVY = /\.(groovy|gsh)$/i;
const JAVASCRIPT = /\.js$/i;
const RESOURCES = /\/src\/main\/resources\//;
/** A literal or percent-encoded `!` before a slash: the start of an archive's content. */
const INSIDE_ARCHIVE = /(?:!|%21)\//i;

/** The language a file's name gives: `.groovy`/`.gsh` Groovy, `.js` JavaScript; a bare `.js` (hidden file) is none. */
export function scriptLanguage(uri: string): ScriptLanguage | undefined {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  if (name.startsWith('.') && name.indexOf('.', 1) < 0) return undefined;
  if (GROOVY.test(name)) return 'groovy';
  if (JAVASCRIPT.test(name)) return 'javascript';
  return undefined;
}

export function isScriptUri(uri: string): boolean {
  return scriptLanguage(uri) !== undefined;
}

/** Inside an integration artifact's resources, or an entry of a zip (exports hold nothing else). */
export function isInArtifact(uri: string): boolean {
  return RESOURCES.test(uri) || INSIDE_ARCHIVE.test(uri);
}

/** A script the linter analyses: one of an artifact, or a Groovy file the configuration lists under `scripts`. */
export function isAnalysedScript(config: Config, uri: string): boolean {
  const language = scriptLanguage(uri);
  if (language === undefined) return false;
  if (isInArtifact(uri)) return true;
  if (language !== 'groovy' || config.scripts.length === 0 || config.root === undefined) return false;
  const path = relativePath(config.root, uri);
  return path !== undefined && matchesAny(config.scripts, path);
}

/** The script's file name as an iFlow's Script step names it (property `script`). */
export function scriptFileName(uri: string): string {
  const segment = uri.slice(uri.lastIndexOf('/') + 1);
  // Most names need no decoding: asked once per script of a scan.
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
