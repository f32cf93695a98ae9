import type { Node } from 'jsonc-parser';
import { LineIndex, type Range } from '@cpi/common/text/range';
import type { ConfigProblem } from './model';

/** Collects configuration problems, each on the exact text of a JSON node. */
export class ProblemSink {
  readonly problems: ConfigProblem[] = [];
  private readonly index: LineIndex;

  constructor(text: string) {
    this.index = new LineIndex(text);
  }

  rangeOf(node: Node): Range {
    return this.index.rangeOf(node.offset, node.offset + node.length);
  }

  rangeAt(offset: number, length: number): Range {
    return this.index.rangeOf(offset, offset + length);
  }

  error(node: Node, message: string): void {
    this.problems.push({ message, range: this.rangeOf(node), severity: 'error' });
  }

  warning(node: Node, message: string): void {
    this.problems.push({ message, range: this.rangeOf(node), severity: 'warning' });
  }
}

export interface Property {
  readonly name: string;
  readonly key: Node;
  /** Missing when the JSON is cut off after the key (already reported as a syntax error). */
  readonly value?: Node;
}

/** The properties of an object node in order; a repeated key is reported (the later one wins, as in JSON). */
export function propertiesOf(object: Node, sink: ProblemSink): Property[] {
  const seen = new Set<string>();
  const result: Property[] = [];
  for (const property of object.children ?? []) {
    const key = property.children?.[0];
    if (property.type !== 'property' || !key || typeof key.value !== 'string') continue;
    const name = key.value;
    if (seen.has(name)) sink.warning(key, `"${name}" is given more than once; this later value replaces the earlier one.`);
    seen.add(name);
    result.push({ name, key, value: property.children?.[1] });
  }
  return result;
}

/** The node's text when it is a JSON string, else undefined. */
export function stringValue(node: Node | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

/** How a node's value reads in a message: "a string", "the number 3.5", ... */
export function describe(node: Node): string {
  switch (node.type) {
    case 'string':
      return `the string ${JSON.stringify(node.value)}`;
    case 'number':
      return `the number ${String(node.value)}`;
    case 'boolean':
      return `the boolean ${String(node.value)}`;
    case 'null':
      return 'null';
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
    default:
      return 'a property';
  }
}
