import fc from 'fast-check';

// Damage done to realistic input: what a crashed save, a bad merge, a
// half-finished edit or a hostile file does to it. Positions are drawn as
// plain numbers and taken modulo the length, so every mutation applies to
// any text and shrinks towards the start of the file.

/** Pieces that matter to one of the readers when they appear in the wrong place. */
export const TRICKY_PIECES = [
  '<',
  '>',
  '&',
  ';',
  '"',
  "'",
  '/',
  '=',
  ':',
  '\\',
  '#',
  '!',
  ' ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\f',
  '\u0000',
  '\uFEFF',
  '\uFFFD',
  '\uD83D',
  '\uDE00',
  '\uD83D\uDE00',
  'é',
  '\u2028',
  '&amp;',
  '&lt;',
  '&#x41;',
  '&#65;',
  '&#0;',
  '&#xD800;',
  '&#x110000;',
  '&e;',
  '&constructor;',
  '&__proto__;',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<?',
  '?>',
  '<!DOCTYPE x [<!ENTITY e "EXPANDED">]>',
  '</',
  '/>',
  '<value>',
  '</value>',
  '<key>',
  '</key>',
  '<ifl:property>',
  '</ifl:property>',
  '<bpmn2:messageFlow id="X">',
  '</bpmn2:messageFlow>',
  ' xmlns:ifl="urn:other"',
  ' xmlns="urn:x"',
  '<bpmn2:participant id="P" ifl:type="EndpointSender"/>',
  '{{',
  '}}',
  '{{Host}}',
  '\\u',
  '\\u00',
  '\\u0041',
  '\\\n',
  '\\\r\n',
  '-----BEGIN CERTIFICATE-----',
  '-----END CERTIFICATE-----',
  '-----BEGIN ',
  '-----',
  'MIIB',
  '====',
];

export type TextMutation =
  | { readonly kind: 'replace'; readonly at: number; readonly code: number }
  | { readonly kind: 'flip'; readonly at: number; readonly bit: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly at: number; readonly piece: string }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number }
  | { readonly kind: 'move'; readonly at: number; readonly length: number; readonly to: number }
  | { readonly kind: 'element'; readonly which: number; readonly action: 'duplicate' | 'delete' | 'nest' }
  | { readonly kind: 'line-ends'; readonly style: '\n' | '\r\n' | '\r' | 'mixed'; readonly seed: number };

const position = fc.nat({ max: 1 << 30 });

export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({
    kind: fc.constant('replace' as const),
    at: position,
    code: fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0x3c, 0x3e, 0x26, 0x2f, 0x22, 0x5c, 0x0a, 0x0d)),
  }),
  fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 15 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: position,
    piece: fc.oneof(fc.constantFrom(...TRICKY_PIECES), fc.string({ maxLength: 8, unit: 'binary' })),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant('move' as const), at: position, length: fc.integer({ min: 1, max: 300 }), to: position }),
  fc.record({
    kind: fc.constant('element' as const),
    which: position,
    action: fc.constantFrom('duplicate' as const, 'delete' as const, 'nest' as const),
  }),
  fc.record({
    kind: fc.constant('line-ends' as const),
    style: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const, 'mixed' as const),
    seed: fc.nat(),
  }),
);

/** Elements a damaged iFlow typically gains or loses whole (also PEM blocks and properties lines, which the patterns catch). */
const ELEMENTS =
  /<ifl:property>[^]*?<\/ifl:property>|<bpmn2:messageFlow\b[^]*?<\/bpmn2:messageFlow>|<bpmn2:participant\b[^>]*\/?>|<(key|value)>[^<]*<\/\1>|<bpmn2:extensionElements>|<\/bpmn2:extensionElements>|-----BEGIN [^]*?-----END [A-Z ]*-----|^[^\r\n]*$/gm;

export function applyTextMutation(text: string, m: TextMutation): string {
  const n = text.length;
  const at = (p: number) => p % (n + 1);
  switch (m.kind) {
    case 'replace': {
      if (n === 0) return String.fromCharCode(m.code);
      const i = m.at % n;
      return text.slice(0, i) + String.fromCharCode(m.code) + text.slice(i + 1);
    }
    case 'flip': {
      if (n === 0) return text;
      const i = m.at % n;
      return text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ (1 << m.bit)) + text.slice(i + 1);
    }
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'delete': {
      const i = at(m.at);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    case 'insert': {
      const i = at(m.at);
      return text.slice(0, i) + m.piece + text.slice(i);
    }
    case 'duplicate': {
      const i = at(m.at);
      const piece = text.slice(i, i + m.length);
      return text.slice(0, i) + piece + piece + text.slice(i + m.length);
    }
    case 'move': {
      const i = at(m.at);
      const piece = text.slice(i, i + m.length);
      const rest = text.slice(0, i) + text.slice(i + m.length);
      const j = m.to % (rest.length + 1);
      return rest.slice(0, j) + piece + rest.slice(j);
    }
    case 'element': {
      const found = [...text.matchAll(ELEMENTS)].filter((match) => match[0].length > 0);
      if (found.length === 0) return text;
      const match = found[m.which % found.length];
      const start = match.index;
      const end = start + match[0].length;
      if (m.action === 'delete') return text.slice(0, start) + text.slice(end);
      if (m.action === 'duplicate') return text.slice(0, end) + match[0] + text.slice(end);
      // the element again, inside itself (just after its start tag)
      const inner = text.indexOf('>', start) + 1 || end;
      return text.slice(0, Math.min(inner, end)) + match[0] + text.slice(Math.min(inner, end));
    }
    case 'line-ends': {
      if (m.style !== 'mixed') return text.replace(/\r\n|\r|\n/g, m.style);
      let state = m.seed >>> 0;
      return text.replace(/\r\n|\r|\n/g, () => {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        return ['\n', '\r\n', '\r'][(state >>> 16) % 3];
      });
    }
  }
}

/** A text from `base` with one to `max` mutations applied in turn. */
export function mutatedText(base: fc.Arbitrary<string>, max = 4): fc.Arbitrary<string> {
  return fc
    .tuple(base, fc.array(textMutation, { minLength: 1, maxLength: max }))
    .map(([text, mutations]) => mutations.reduce(applyTextMutation, text));
}

export type ByteMutation =
  | { readonly kind: 'set'; readonly at: number; readonly value: number }
  | { readonly kind: 'flip'; readonly at: number; readonly bit: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number };

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({
    kind: fc.constant('set' as const),
    at: position,
    value: fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x00, 0x30, 0x80, 0x81, 0x82, 0x84, 0xff)),
  }),
  fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 128 }) }),
);

export function applyByteMutation(bytes: Uint8Array, m: ByteMutation): Uint8Array {
  const n = bytes.length;
  const at = (p: number) => p % (n + 1);
  const join = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));
  switch (m.kind) {
    case 'set':
    case 'flip': {
      if (n === 0) return bytes;
      const copy = bytes.slice();
      const i = m.at % n;
      copy[i] = m.kind === 'set' ? m.value : copy[i] ^ (1 << m.bit);
      return copy;
    }
    case 'truncate':
      return bytes.slice(0, at(m.at));
    case 'delete': {
      const i = at(m.at);
      return join(bytes.subarray(0, i), bytes.subarray(i + m.length));
    }
    case 'insert': {
      const i = at(m.at);
      return join(bytes.subarray(0, i), m.bytes, bytes.subarray(i));
    }
    case 'duplicate': {
      const i = at(m.at);
      return join(bytes.subarray(0, i + m.length), bytes.subarray(i, i + m.length), bytes.subarray(i + m.length));
    }
  }
}

export function mutatedBytes(base: fc.Arbitrary<Uint8Array>, max = 4): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(base, fc.array(byteMutation, { minLength: 1, maxLength: max }))
    .map(([bytes, mutations]) => mutations.reduce(applyByteMutation, bytes));
}
