// Addresses of the read-only documentation pages (FAQ answers and rule
// explanations) served by the extension. Plain path strings so the parsing
// runs without VS Code: `/faq/<section id>/<short title>.md`, `/rule/<rule id>.md`.
// The `.md` ending makes VS Code open them as markdown.

export const DOCS_SCHEME = 'cpi-security-docs';

export type DocKind = 'faq' | 'rule';

export interface DocRef {
  readonly kind: DocKind;
  readonly id: string;
}

const TITLE_LENGTH = 48;

/** The path of a page; `title` (optional) only makes the editor tab readable. */
export function docPath(ref: DocRef, title?: string): string {
  const id = encodeSegment(ref.id);
  const readable = title === undefined ? '' : shortTitle(title);
  return readable === '' ? `/${ref.kind}/${id}.md` : `/${ref.kind}/${id}/${encodeSegment(readable)}.md`;
}

/** The page a path names, or undefined for anything else. */
export function parseDocPath(path: string): DocRef | undefined {
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments.length < 2 || segments.length > 3) return undefined;
  const kind = segments[0];
  if (kind !== 'faq' && kind !== 'rule') return undefined;
  const raw = segments.length === 2 ? stripMd(segments[1]) : segments[1];
  if (raw === undefined) return undefined;
  const id = decodeSegment(raw);
  if (id === undefined || !/^[\w.-]+$/.test(id)) return undefined;
  if (segments.length === 3 && stripMd(segments[2]) === undefined) return undefined;
  return { kind, id };
}

function stripMd(segment: string): string | undefined {
  return segment.endsWith('.md') && segment.length > 3 ? segment.slice(0, -3) : undefined;
}

/** A file-name-safe short form of a title: no slashes, no trailing punctuation. */
function shortTitle(title: string): string {
  const clean = title
    .replace(/[\\/:*?"<>|#%]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length <= TITLE_LENGTH) return clean.replace(/[?.!\s]+$/, '');
  const cut = clean.slice(0, TITLE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > 20 ? cut.slice(0, space) : cut).replace(/[,;\s]+$/, '')}…`;
}

function encodeSegment(text: string): string {
  return text.replace(/\//g, '%2F');
}

function decodeSegment(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
