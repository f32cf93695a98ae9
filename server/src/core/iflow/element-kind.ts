// Which iFlow element a tag name stands for, under the namespace bindings
// of one document, and the kinds of the elements the XML reader has open.
import { BPMN_NS, IFL_NS } from './namespaces';

export type ElementKind =
  | 'messageFlow'
  | 'participant'
  | 'collaboration'
  | 'process'
  | 'property'
  | 'key'
  | 'value'
  | 'extensionElements'
  | 'definitions'
  | 'other';

/** Lengths of the local names classify() tells apart besides `key` and `value`, as bits (a set lookup per element shows in profiles). */
const CLASSIFIED_LENGTHS = [
  'property',
  'messageFlow',
  'participant',
  'collaboration',
  'process',
  'extensionElements',
  'definitions',
].reduce((bits, name) => bits | (1 << name.length), 0);

/**
 * The element kinds of one read. Element names repeat thousands of times;
 * each distinct name is classified once per set of namespace bindings. A
 * name is a new string for every element, so even a map lookup (hashing
 * it) is worth avoiding: the length of the local name rules out most, `key`
 * and `value` need no namespace, and the last name looked up (mostly
 * `ifl:property`) is remembered.
 */
export class ElementKinds {
  /** Namespace bindings in force: prefix ('' for the default namespace) to URI. */
  readonly namespaces: Map<string, string>;
  private kinds = new Map<string, ElementKind>();
  /** Namespace declarations so far: a change may reclassify names. */
  private bindings = 0;
  private lastName = '';
  private lastKind: ElementKind = 'other';
  // The kind of each element the XML reader has open, pushed and popped with
  // its own stack (saxes also while it unwinds after an error), so a close
  // needs no second lookup unless namespace declarations came in between.
  private readonly openKinds: ElementKind[] = [];
  private readonly openBindings: number[] = [];

  constructor(namespaces?: ReadonlyMap<string, string>) {
    this.namespaces = new Map(namespaces);
  }

  bind(prefix: string, uri: string): void {
    this.namespaces.set(prefix, uri);
    this.kinds = new Map();
    this.lastName = '';
    this.bindings++;
  }

  of(qname: string): ElementKind {
    const localLength = qname.length - qname.indexOf(':') - 1;
    if (localLength === 3) return qname.endsWith('key') ? 'key' : 'other';
    if (localLength === 5) return qname.endsWith('value') ? 'value' : 'other';
    if (localLength > 30 || ((CLASSIFIED_LENGTHS >> localLength) & 1) === 0) return 'other';
    if (qname === this.lastName) return this.lastKind;
    let kind = this.kinds.get(qname);
    if (kind === undefined) {
      kind = classify(qname, this.namespaces);
      this.kinds.set(qname, kind);
    }
    this.lastName = qname;
    this.lastKind = kind;
    return kind;
  }

  /** An element of `kind` was opened (not self-closing). */
  opened(kind: ElementKind): void {
    this.openKinds.push(kind);
    this.openBindings.push(this.bindings);
  }

  /** The kind of the element named `name` that the XML reader closes, taken off the stack. */
  closed(name: string): ElementKind {
    const opened = this.openBindings.pop();
    const known = this.openKinds.pop();
    return known !== undefined && opened === this.bindings ? known : this.of(name);
  }
}

function classify(qname: string, prefixes: ReadonlyMap<string, string>): ElementKind {
  const colon = qname.indexOf(':');
  const local = colon < 0 ? qname : qname.slice(colon + 1);
  // A prefix nobody declared (half-typed document) falls back to the local name.
  const uri = prefixes.get(colon < 0 ? '' : qname.slice(0, colon));
  switch (local) {
    case 'key':
    case 'value':
      return local;
    case 'property':
      return uri === undefined || uri === IFL_NS ? 'property' : 'other';
    case 'messageFlow':
    case 'participant':
    case 'collaboration':
    case 'process':
    case 'extensionElements':
    case 'definitions':
      return uri === undefined || uri === BPMN_NS ? local : 'other';
    default:
      return 'other';
  }
}
