// Reads `.cpisecurity.json` text into a Config plus problems to show on the
// file itself. Total: never throws; whatever is valid still applies.
import { parseTree, printParseErrorCode, stripComments, type Node, type ParseError } from 'jsonc-parser';
import { DEFAULT_CONFIG, type Config, type ConfigProblem } from './model';
import { describe, propertiesOf, ProblemSink } from './json-node';
import { readCertificates, readExpiryWarningDays, readGlobs, readMaxFileSizeMB, readPorts, readRules } from './read-values';
import { readSuppressions } from './read-suppressions';
import { folderOf } from './uri';

export const CONFIG_FILE_NAME = '.cpisecurity.json';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Top-level keys and how each one lands in the Config. `$schema` is accepted for editors and ignored. */
const KEYS: Record<string, (node: Node, sink: ProblemSink, config: Mutable<Config>) => void> = {
  $schema: () => undefined,
  rules: (node, sink, config) => {
    config.rules = readRules(node, sink) ?? config.rules;
  },
  openedPorts: (node, sink, config) => {
    config.openedPorts = readPorts(node, sink) ?? config.openedPorts;
  },
  ignore: (node, sink, config) => {
    config.ignore = readGlobs(node, sink, 'ignore') ?? config.ignore;
  },
  certificates: (node, sink, config) => {
    config.certificates = readCertificates(node, sink) ?? config.certificates;
  },
  scripts: (node, sink, config) => {
    config.scripts = readGlobs(node, sink, 'scripts') ?? config.scripts;
  },
  expiryWarningDays: (node, sink, config) => {
    config.expiryWarningDays = readExpiryWarningDays(node, sink) ?? config.expiryWarningDays;
  },
  maxFileSizeMB: (node, sink, config) => {
    config.maxFileSizeMB = readMaxFileSizeMB(node, sink) ?? config.maxFileSizeMB;
  },
  suppressions: (node, sink, config) => {
    config.suppressions = readSuppressions(node, sink) ?? config.suppressions;
  },
};

const KEY_LIST = Object.keys(KEYS)
  .filter((key) => key !== '$schema')
  .map((key) => `"${key}"`)
  .join(', ');

export function parseConfig(text: string, uri: string): { config: Config; problems: ConfigProblem[] } {
  const config: Mutable<Config> = { ...DEFAULT_CONFIG, uri };
  const root = folderOf(uri);
  if (root !== undefined) config.root = root;
  const sink = new ProblemSink(text);

  // An empty file (or one with only comments) is a configuration that changes nothing.
  if (stripComments(text).trim() === '') return { config, problems: sink.problems };

  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const error of errors) {
    sink.problems.push({ message: syntaxMessage(error), range: sink.rangeAt(error.offset, error.length), severity: 'error' });
  }
  if (!tree) return { config, problems: sink.problems };
  if (tree.type !== 'object') {
    sink.error(tree, `The configuration must be a JSON object with keys such as ${KEY_LIST}; found ${describe(tree)}.`);
    return { config, problems: sink.problems };
  }

  for (const { name, key, value } of propertiesOf(tree, sink)) {
    const read = Object.prototype.hasOwnProperty.call(KEYS, name) ? KEYS[name] : undefined;
    if (!read) sink.warning(key, `Unknown key "${name}"; it is ignored. Known keys: ${KEY_LIST}.`);
    else if (value) read(value, sink, config);
  }
  return { config, problems: sink.problems };
}

const SYNTAX: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the property name',
  CommaExpected: 'expected "," between entries',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the array',
  EndOfFileExpected: 'expected the end of the file after the top-level object',
  InvalidCommentToken: 'malformed comment',
  UnexpectedEndOfComment: 'comment is not closed with "*/"',
  UnexpectedEndOfString: "string is not closed with '\"'",
  UnexpectedEndOfNumber: 'number is cut off',
  InvalidUnicode: 'malformed \\u escape',
  InvalidEscapeCharacter: 'invalid escape character in a string',
  InvalidCharacter: 'invalid character in a string',
};

function syntaxMessage(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  return `Invalid JSON: ${SYNTAX[code] ?? code}. Settings that could not be read keep their defaults.`;
}

// Callers that read a configuration usually merge the editor settings next.
export { withEditorSettings, type EditorSettings } from './editor-settings';
