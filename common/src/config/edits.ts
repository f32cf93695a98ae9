// Edits to `.cpisecurity.json` for quick fixes ("record the port as opened",
// "turn this rule off", "suppress"). jsonc-parser's modify keeps comments,
// key order and everything it does not touch; the formatting options follow
// the file's own indentation and line ends. For a file that does not exist
// yet (text undefined) the full new text is returned instead of edits.
import { findNodeAtLocation, getNodeValue, modify, parseTree, type FormattingOptions, type JSONPath, type Node } from 'jsonc-parser';
import type { SeveritySetting, TextEdit } from '../findings';
import { LineIndex } from '../text/range';

/** A suppression as written to the file (the server's config model reads it back with its range). */
export interface NewSuppression {
  /** A rule id, or `*` (ANY_RULE) for every rule. */
  readonly rule: string;
  /** Glob relative to the configuration's folder; absent means every file. */
  readonly file?: string;
  /** Only findings on the channel of this name (its iFlow value and the parameters behind it). */
  readonly channel?: string;
  /** Only findings about this subject: the iFlow property key, the parameter's name, the certificate's subject. */
  readonly subject?: string;
  readonly reason: string;
  /** ISO date (YYYY-MM-DD); the suppression stops applying after that day. */
  readonly expires?: string;
}

export function addOpenedPort(text: string, port: number): TextEdit[];
export function addOpenedPort(text: undefined, port: number): string;
export function addOpenedPort(text: string | undefined, port: number): TextEdit[] | string;
export function addOpenedPort(text: string | undefined, port: number): TextEdit[] | string {
  if (text === undefined) return newFile({ openedPorts: [port] });
  const ports = topLevel(text, 'openedPorts');
  if (ports?.type === 'array') {
    if ((ports.children ?? []).some((item) => item.value === port)) return [];
    return appendInline(text, ports, String(port)) ?? change(text, ['openedPorts', -1], port, true);
  }
  return change(text, ['openedPorts'], [port]);
}

export function setRuleSeverity(text: string, ruleId: string, severity: SeveritySetting): TextEdit[];
export function setRuleSeverity(text: undefined, ruleId: string, severity: SeveritySetting): string;
export function setRuleSeverity(text: string | undefined, ruleId: string, severity: SeveritySetting): TextEdit[] | string;
export function setRuleSeverity(text: string | undefined, ruleId: string, severity: SeveritySetting): TextEdit[] | string {
  if (text === undefined) return newFile({ rules: { [ruleId]: severity } });
  const rules = topLevel(text, 'rules');
  if (rules?.type === 'object') {
    const current = findNodeAtLocation(rules, [ruleId]);
    if (current?.value === severity) return [];
    if (!current) {
      const inline = appendInline(text, rules, `${JSON.stringify(ruleId)}: ${JSON.stringify(severity)}`);
      if (inline) return inline;
    }
    return change(text, ['rules', ruleId], severity);
  }
  return change(text, ['rules'], { [ruleId]: severity });
}

export function addSuppression(text: string, suppression: NewSuppression): TextEdit[];
export function addSuppression(text: undefined, suppression: NewSuppression): string;
export function addSuppression(text: string | undefined, suppression: NewSuppression): TextEdit[] | string;
export function addSuppression(text: string | undefined, suppression: NewSuppression): TextEdit[] | string {
  // Written in the documented key order, without absent optional keys.
  const entry: Record<string, string> = { rule: suppression.rule };
  if (suppression.file !== undefined) entry.file = suppression.file;
  if (suppression.channel !== undefined) entry.channel = suppression.channel;
  if (suppression.subject !== undefined) entry.subject = suppression.subject;
  entry.reason = suppression.reason;
  if (suppression.expires !== undefined) entry.expires = suppression.expires;

  if (text === undefined) return newFile({ suppressions: [entry] });
  const list = topLevel(text, 'suppressions');
  if (list?.type === 'array') {
    const same = (list.children ?? []).some((item) => JSON.stringify(getNodeValue(item)) === JSON.stringify(entry));
    if (same) return [];
    return change(text, ['suppressions', -1], entry, true);
  }
  return change(text, ['suppressions'], [entry]);
}

const emptyNode: Node = { type: 'object', offset: 0, length: 0, children: [] };

/** The value of a top-level key; undefined when absent or the text has no JSON value. */
function topLevel(text: string, key: string): Node | undefined {
  return findNodeAtLocation(parseTree(text) ?? emptyNode, [key]);
}

function newFile(content: object): string {
  return `${JSON.stringify(content, null, 2)}\n`;
}

/**
 * Adds an entry to an array or object written on one line (`[2222]`,
 * `{ "a": "off" }`) without reflowing it onto several lines, as modify would.
 * Undefined when the container spans lines.
 */
function appendInline(text: string, container: Node, entry: string): TextEdit[] | undefined {
  const source = text.slice(container.offset, container.offset + container.length);
  if (/[\r\n]/.test(source) || /\/[/*]/.test(source)) return undefined;
  const index = new LineIndex(text);
  const last = container.children?.[container.children.length - 1];
  if (last) {
    const at = last.offset + last.length;
    return [{ range: index.rangeOf(at, at), newText: `, ${entry}` }];
  }
  const padding = container.type === 'object' ? ' ' : '';
  return [{ range: index.rangeOf(container.offset + 1, container.offset + container.length - 1), newText: `${padding}${entry}${padding}` }];
}

function change(text: string, path: JSONPath, value: unknown, isArrayInsertion = false): TextEdit[] {
  const index = new LineIndex(text);
  try {
    return modify(text, path, value, { formattingOptions: formattingOf(text), isArrayInsertion }).map((edit) => ({
      range: index.rangeOf(edit.offset, edit.offset + edit.length),
      newText: edit.content,
    }));
  } catch {
    // The text is too broken to place the value (for example a top-level array): offer no edit.
    return [];
  }
}

/** The file's own indentation unit (tab or the smallest space indent) and line end; 2 spaces and LF by default. */
export function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let smallest: number | undefined;
  for (const match of text.matchAll(/^([ \t]+)["{[}\]]/gm)) {
    const indent = match[1];
    if (indent.startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
    if (smallest === undefined || indent.length < smallest) smallest = indent.length;
  }
  return { insertSpaces: true, tabSize: smallest ?? 2, eol };
}
