import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyseArtifact, type ArtifactInput } from '../../server/src/core/analysis/analyse-artifact';
import { parseIflow, parseParameters, updateParsedIflow, type ParsedIflow } from '../../server/src/core/analysis/parsed';
import { DEFAULT_CONFIG } from '../../server/src/core/config/model';
import { parseConfig } from '../../server/src/core/config/parse';
import { configTarget } from '../../server/src/core/config/target';
import { rereadIflow, textChange } from '../../server/src/core/iflow/incremental';
import type { IflowModel, IflowProperty } from '../../server/src/core/iflow/model';
import type { ChannelRecord, ParticipantRecord } from '../../server/src/core/iflow/channel-record';
import type { PropertyRecord } from '../../server/src/core/iflow/property-record';
import { LineIndex, type Range } from '@cpi/common/text/range';
import { ChannelView } from '../../server/src/core/analysis/channel-view';
import { resolveValue } from '../../server/src/core/params/resolve';
import { IFLOW_RULES } from '../../server/src/core/rules/registry';
import type { Report } from '../../server/src/core/rules/rule';
import { caseFolders, FIXTURE_TODAY, loadCase, RULES_DIR } from '../support/fixture-cases';
import { iflowSnapshot } from '../support/iflow-snapshot';
import { OpenDocument } from '../../server/src/lsp/open-document';
import { allProperties, FIXTURES } from './iflow-support';

// An edit re-reads only the channel it touches (iflow/incremental.ts) and
// analysis reuses the findings of unchanged channels. Both must give exactly
// what a full read and analysis of the new text give, for any edit: these
// tests apply many random edits to real and hand-made iFlows and compare.

const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
const RULE_CASES = RULES_DIR;

/** Small deterministic PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Edit {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly insert: string;
}

const apply = (text: string, edit: Edit) => text.slice(0, edit.start) + edit.insert + text.slice(edit.end);

const VALUE_PIECES = [
  'a',
  'Z',
  '0',
  ' ',
  '/',
  ':',
  '{{',
  '}}',
  '{{Host}}',
  '&amp;',
  '&lt;',
  '&',
  '<',
  '>',
  '\n',
  '\r\n',
  'http://',
  'https://',
  'Basic',
  'None',
  'sapcc',
  ':25',
  'x'.repeat(30),
];
const TAG_PIECES = [
  '<',
  '>',
  '/',
  '"',
  '=',
  ' ',
  'x',
  '\n',
  'ifl:property',
  '<value>',
  '</value>',
  '<key>',
  'bpmn2:messageFlow',
  ' xmlns:a="urn:a"',
  ' id="X"',
  '<!--',
  '-->',
];
const PROPERTY = '\n<ifl:property>\n  <key>password</key>\n  <value>Secret&amp;1</value>\n</ifl:property>';

/** A character typed into, or deleted from, a value: what most edits are. */
function typedInValue(model: IflowModel, next: () => number): Edit {
  const values = allProperties(model).flatMap((p) => (p.value ? [p.value] : []));
  const value = values[Math.floor(next() * values.length)];
  const at = value.startOffset + Math.floor(next() * (value.endOffset - value.startOffset + 1));
  if (next() < 0.3 && at < value.endOffset) return { kind: 'value', start: at, end: at + 1, insert: '' };
  return { kind: 'value', start: at, end: at, insert: 'xé1_'[Math.floor(next() * 4)] };
}

/** Random single edits of every kind the equivalence must survive. */
function randomEdit(text: string, model: IflowModel, next: () => number): Edit {
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  const piece = (pieces: readonly string[]) => Array.from({ length: 1 + int(3) }, () => pick(pieces)).join('');
  const properties = allProperties(model).filter((p) => p.value);
  const lines = new LineIndex(text);
  const channelSpans = model.channels.map(
    (c) => [lines.offsetAt(c.range.start), text.indexOf('</bpmn2:messageFlow>', lines.offsetAt(c.range.start))] as const,
  );
  switch (int(8)) {
    case 0:
    case 1: {
      // inside a value: insert, delete or replace
      if (properties.length === 0) break;
      const value = pick(properties).value!;
      const a = value.startOffset + int(value.endOffset - value.startOffset + 1);
      const b = Math.min(value.endOffset, a + int(4));
      return { kind: 'value', start: a, end: b, insert: next() < 0.3 ? '' : piece(VALUE_PIECES) };
    }
    case 2: {
      // inside or next to a tag
      const lt = text.indexOf('<', int(text.length));
      if (lt < 0) break;
      const a = lt + int(25);
      return {
        kind: 'tag',
        start: Math.min(a, text.length),
        end: Math.min(text.length, a + int(3)),
        insert: next() < 0.3 ? '' : piece(TAG_PIECES),
      };
    }
    case 3: {
      // from inside one channel into the next (or past the last)
      if (channelSpans.length === 0) break;
      const i = int(channelSpans.length);
      const [start, close] = channelSpans[i];
      const a = start + int(Math.max(1, close - start));
      const limit = i + 1 < channelSpans.length ? channelSpans[i + 1][1] : text.length;
      return {
        kind: 'across',
        start: a,
        end: Math.min(text.length, a + int(Math.max(1, limit - a))),
        insert: next() < 0.5 ? '' : piece(TAG_PIECES),
      };
    }
    case 4: {
      // add or remove a line break, or a whole line
      const at = int(text.length + 1);
      if (next() < 0.5) return { kind: 'line', start: at, end: at, insert: next() < 0.5 ? '\n' : '\r\n' };
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      const lineEnd = text.indexOf('\n', at);
      return { kind: 'line', start: lineStart, end: lineEnd < 0 ? text.length : lineEnd + 1, insert: '' };
    }
    case 5: {
      // a whole property added to, or removed from, a channel
      const ends = [...text.matchAll(/<\/ifl:property>/g)].map((m) => m.index! + m[0].length);
      if (ends.length === 0) break;
      const at = pick(ends);
      if (next() < 0.5) return { kind: 'property', start: at, end: at, insert: PROPERTY };
      const open = text.lastIndexOf('<ifl:property', at);
      return { kind: 'property', start: open, end: at, insert: '' };
    }
    case 6: {
      // a channel's start tag: id, name, references
      if (channelSpans.length === 0) break;
      const [start] = pick(channelSpans);
      const a = start + 1 + int(60);
      return { kind: 'start tag', start: a, end: a + int(3), insert: pick(['', 'x', '"', ' name="N"', 'Participant_1']) };
    }
    default:
      break;
  }
  // anywhere at all
  const a = int(text.length + 1);
  return {
    kind: 'anywhere',
    start: a,
    end: Math.min(text.length, a + int(6)),
    insert: next() < 0.4 ? '' : piece([...VALUE_PIECES, ...TAG_PIECES]),
  };
}

const factsOf = (channel: object) => (channel as { facts?: object }).facts;

/** How often the shortcut was taken, so the tests notice when it never is. */
const taken = { incremental: 0, edits: 0 };

/** One edit checked: the updated model equals a full read, and so do the findings. */
function checkEdit(previous: ParsedIflow, edit: Edit, analysis: Omit<ArtifactInput, 'iflows'> | undefined, label: string): ParsedIflow {
  const text = apply(previous.text, edit);
  const full = parseIflow(previous.uri, text);
  if (analysis) analyseArtifact({ ...analysis, iflows: [previous] }); // fills the per-channel cache the update may reuse
  const updated = updateParsedIflow(previous, text);
  taken.edits++;
  // A full read makes new facts for every channel; the shortcut keeps all but one.
  const before = new Set(previous.model.channels.map(factsOf));
  if (updated.model.channels.some((c) => before.has(factsOf(c)))) taken.incremental++;
  const where = `${label}: ${edit.kind} [${edit.start}, ${edit.end}) ${JSON.stringify(edit.insert)}`;
  assert.deepEqual(iflowSnapshot(updated.model), iflowSnapshot(full.model), where);
  if (analysis) {
    const incremental = analyseArtifact({ ...analysis, iflows: [updated] });
    const reference = analyseArtifact({ ...analysis, iflows: [full] });
    assert.deepEqual(incremental, reference, where);
  }
  return updated;
}

/** `count` independent edits of the original, then a chain of `count` edits each on the previous result. */
function checkRandomEdits(uri: string, text: string, count: number, seed: number, analysis?: Omit<ArtifactInput, 'iflows'>): void {
  const next = random(seed);
  const original = parseIflow(uri, text);
  for (let i = 0; i < count; i++) checkEdit(original, randomEdit(text, original.model, next), analysis, `${uri} edit ${i} (seed ${seed})`);
  let current = original;
  for (let i = 0; i < count; i++) {
    const edit = randomEdit(current.text, current.model, next); // current.model was just checked equal to a full read
    current = checkEdit(current, edit, analysis, `${uri} chained edit ${i} (seed ${seed})`);
  }
}

/** A hand-made iFlow with what matters for the shortcut: participants after channels, loose properties, CRLF, entities, references. */
function handMadeIflow(channels: number, lineEnd = '\n'): string {
  const property = (key: string, value: string) =>
    `        <ifl:property>\n          <key>${key}</key>\n          <value>${value}</value>\n        </ifl:property>\n`;
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ifl="http:///com.sap.ifl.model/Ifl.xsd">\n',
    '  <bpmn2:collaboration id="Collaboration_1" name="Hand made">\n    <bpmn2:extensionElements>\n',
    property('allowedHeaderList', '*'),
    property('clientPassword', 'p&amp;ss'),
    '    </bpmn2:extensionElements>\n',
  ];
  for (let i = 0; i < channels; i++) {
    const receiver = i % 3 !== 1;
    parts.push(
      `    <bpmn2:messageFlow id="MessageFlow_${i}" name="Channel ${i}" sourceRef="${receiver ? `EndEvent_${i}` : `Participant_${i}`}" targetRef="${receiver ? `Participant_${i}` : `StartEvent_${i}`}">\n      <bpmn2:extensionElements>\n`,
      property('ComponentType', i % 4 === 3 ? 'Mail' : 'HTTP'),
      i % 5 === 0 ? '' : property('direction', receiver ? 'Receiver' : 'Sender'),
      property('Name', `Channel &lt;${i}&gt;`),
      property('httpAddressWithoutQuery', i % 2 ? `http://{{Host ${i % 3}}}:8080/api` : `https://backend${i}.example.com/x?a=1&amp;b=2`),
      property('address', i % 4 === 3 ? 'smtp.example.com:25' : ''),
      property('authenticationMethod', i % 3 === 0 ? 'Basic' : '{{Auth}}'),
      property('proxyType', i % 6 === 0 ? 'sapcc' : 'default'),
      property('allowedRequestHeaders', i % 2 ? '*' : 'SAP_.*'),
      property('password', i % 7 === 0 ? 'hunter2' : '{{Password}}'),
      property('description', `line one\r\nline two &#x1F600; <![CDATA[<raw & text>]]>`),
      '      </bpmn2:extensionElements>\n    </bpmn2:messageFlow>\n',
    );
  }
  for (let i = 0; i < channels; i++) {
    const type = i % 3 === 1 ? 'EndpointSender' : 'EndpointRecevier';
    parts.push(`    <bpmn2:participant id="Participant_${i}" ifl:type="${type}" name="Peer ${i}"/>\n`);
  }
  parts.push('  </bpmn2:collaboration>\n</bpmn2:definitions>\n');
  return parts.join('').replace(/\n/g, lineEnd);
}

const HAND_MADE_PARAMETERS = 'Host\\ 0=backend.example.com\nHost\\ 1=10.0.0.1\nAuth=None\nPassword=topsecret\n';

describe('textChange', () => {
  it('finds the changed stretch between common prefix and suffix', () => {
    assert.deepEqual(textChange('abcdef', 'abXYef'), { start: 2, oldEnd: 4, newEnd: 4 });
    assert.deepEqual(textChange('aa', 'aaa'), { start: 2, oldEnd: 2, newEnd: 3 });
    assert.deepEqual(textChange('abc', 'c'), { start: 0, oldEnd: 2, newEnd: 0 });
    assert.equal(textChange('same', 'same'), undefined);
  });

  it('agrees with a character-by-character comparison on long texts', () => {
    const next = random(7);
    const base = handMadeIflow(40);
    for (let i = 0; i < 200; i++) {
      const a = Math.floor(next() * base.length);
      const b = Math.min(base.length, a + Math.floor(next() * 3000));
      const after = base.slice(0, a) + 'x'.repeat(Math.floor(next() * 3)) + base.slice(b);
      const change = textChange(base, after);
      let start = 0;
      while (start < Math.min(base.length, after.length) && base[start] === after[start]) start++;
      let suffix = 0;
      while (suffix < Math.min(base.length, after.length) - start && base[base.length - 1 - suffix] === after[after.length - 1 - suffix])
        suffix++;
      assert.deepEqual(change, base === after ? undefined : { start, oldEnd: base.length - suffix, newEnd: after.length - suffix });
    }
  });
});

describe('incremental iFlow update', () => {
  after(() => {
    // Without this the comparisons could pass with the shortcut never taken.
    assert.ok(taken.incremental > taken.edits / 10, `shortcut taken for ${taken.incremental} of ${taken.edits} edits`);
  });

  it('re-reads only the edited channel and keeps the others (same facts)', () => {
    const text = handMadeIflow(6);
    const before = parseIflow('file:///a/Flow.iflw', text);
    const at = text.indexOf('https://backend2');
    const after = updateParsedIflow(before, `${text.slice(0, at)}http${text.slice(at + 5)}`);
    const facts = (parsed: ParsedIflow) => parsed.model.channels.map((c) => (c as unknown as { facts: object }).facts);
    const [a, b] = [facts(before), facts(after)];
    assert.deepEqual(
      a.map((f, i) => f === b[i]),
      [true, true, false, true, true, true],
    );
    assert.equal(after.model.channels[2].properties.get('httpAddressWithoutQuery')?.value?.text, 'http://backend2.example.com/x?a=1&b=2');
    assert.equal(after.inPart, true, 'says it was read in part (the editor waits after whole readings only)');
    assert.equal(before.inPart, undefined);
  });

  it('makes the property records of the channels an edit moved only when asked for, and keeps few versions of the file alive', () => {
    const text = handMadeIflow(8);
    let current = parseIflow('file:///a/Flow.iflw', text);
    // a channel is bound to one line index (and its text); a moved one keeps its properties as a table of offsets
    const versionsKept = (parsed: ParsedIflow) =>
      new Set([
        ...parsed.model.channels.map((c) => (c as ChannelRecord).lines),
        ...parsed.model.otherProperties.map((p) => (p as PropertyRecord).boundTo),
        ...[...parsed.model.participants.values()].map((p) => (p as ParticipantRecord).boundTo),
      ]).size;
    // typing into one channel after the other, front to back: each edit moves every channel behind it
    for (let i = 0; i < 8; i++) {
      const at = current.text.indexOf(`https://backend${i}`);
      if (at < 0) continue;
      const edited = `${current.text.slice(0, at)}x${current.text.slice(at)}`;
      const before = current;
      current = updateParsedIflow(current, edited);
      assert.equal(current.inPart, true);
      const behind = (current.model.channels as ChannelRecord[]).filter((c) => c.start > at);
      assert.ok(behind.length > 0 || i === 7);
      assert.ok(
        behind.every((c) => c.lines === current.lines && !c.hasRecords),
        'moved onto the new version, their records not made yet',
      );
      // channels before the edit are the same objects, unless too many versions were kept: then all are copied onto the new one
      const ahead = (current.model.channels as ChannelRecord[]).filter((c) => c.end < at);
      const kept = ahead.filter((c) => before.model.channels.includes(c));
      assert.ok(kept.length === ahead.length || ahead.every((c) => c.lines === current.lines));
      assert.ok(versionsKept(current) <= 3, `${versionsKept(current)} versions of the text kept alive`);
      // asked for, they are where a full read puts them
      assert.deepEqual(iflowSnapshot(current.model), iflowSnapshot(parseIflow(before.uri, edited).model));
      assert.ok(behind.every((c) => c.hasRecords));
    }
    // back to front, nothing asked for in between: each channel's records made from its table after several moves
    for (let i = 7; i >= 0; i--) {
      const at = current.text.indexOf(`xhttps://backend${i}`);
      if (at < 0) continue;
      current = updateParsedIflow(current, `${current.text.slice(0, at)}y${current.text.slice(at)}`);
      assert.equal(current.inPart, true);
      assert.ok(versionsKept(current) <= 3, `${versionsKept(current)} versions of the text kept alive`);
    }
    assert.deepEqual(iflowSnapshot(current.model), iflowSnapshot(parseIflow(current.uri, current.text).model));
  });

  it('re-reads only the edited property outside channels, also while a typed "<" breaks it', () => {
    const text = handMadeIflow(4);
    const before = parseIflow('file:///a/Flow.iflw', text);
    const facts = (parsed: ParsedIflow) => parsed.model.channels.map((c) => (c as unknown as { facts: object }).facts);
    const at = text.indexOf('p&amp;ss') + 1;
    let current = before;
    for (const edited of [`${text.slice(0, at)}X${text.slice(at)}`, `${text.slice(0, at)}<${text.slice(at)}`, text]) {
      const snapshotOf = { text: current.text, model: current.model, layout: current.layout! };
      const reading = rereadIflow(snapshotOf, edited, new LineIndex(edited));
      assert.ok(reading, 'read on its own');
      current = updateParsedIflow(current, edited);
      assert.deepEqual(iflowSnapshot(current.model), iflowSnapshot(parseIflow(before.uri, edited).model));
      // the channels were not read again: the same facts objects as before the first edit
      assert.deepEqual(
        facts(current).map((f, i) => f === facts(before)[i]),
        [true, true, true, true],
      );
    }
    const password = (parsed: ParsedIflow) => parsed.model.otherProperties.find((p) => p.key === 'clientPassword')?.value?.text;
    assert.equal(password(updateParsedIflow(before, `${text.slice(0, at)}X${text.slice(at)}`)), 'pX&ss');
  });

  it('reads the whole file when an edited loose property did not close cleanly', () => {
    const text = handMadeIflow(2).replace('<value>*</value>\n        </ifl:property>', '<value>*</value>\n        </ifl:propertx>');
    const before = parseIflow('file:///a/Flow.iflw', text);
    assert.ok(before.model.problems.length > 0);
    const at = text.indexOf('<value>*</value>') + 7;
    const edited = `${text.slice(0, at)}Y${text.slice(at)}`;
    assert.equal(rereadIflow({ text, model: before.model, layout: before.layout! }, edited, new LineIndex(edited)), undefined);
    const updated = updateParsedIflow(before, edited);
    assert.deepEqual(iflowSnapshot(updated.model), iflowSnapshot(parseIflow(before.uri, edited).model));
    assert.equal(updated.inPart, undefined, 'read whole');
  });

  it('falls back to a full read when the edit leaves the channel or breaks the XML', () => {
    const text = handMadeIflow(3);
    const before = parseIflow('file:///a/Flow.iflw', text);
    const lines = (t: string) => new LineIndex(t);
    const snapshotOf = { text, model: before.model, layout: before.layout! };
    const broken = text.replace('<key>Name</key>', '<key>Name</kex>');
    assert.equal(rereadIflow(snapshotOf, broken, lines(broken)), undefined);
    const across = text.slice(0, text.indexOf('Channel &lt;0')) + text.slice(text.indexOf('Channel &lt;1'));
    assert.equal(rereadIflow(snapshotOf, across, lines(across)), undefined);
    const namespace = text.replace(
      '<bpmn2:extensionElements>\n        <ifl:property>\n          <key>ComponentType',
      '<bpmn2:extensionElements xmlns:ifl="urn:other">\n        <ifl:property>\n          <key>ComponentType',
    );
    assert.equal(rereadIflow(snapshotOf, namespace, lines(namespace)), undefined);
    assert.deepEqual(iflowSnapshot(updateParsedIflow(before, namespace).model), iflowSnapshot(parseIflow(before.uri, namespace).model));
  });

  it('re-reads only the edited channel while typing breaks and mends the XML inside it', () => {
    const uri = 'file:///a/Flow.iflw';
    const facts = (parsed: ParsedIflow) => parsed.model.channels.map(factsOf);
    const at = (t: string) => t.indexOf('.example.com/x?a=1&amp;b=2', t.indexOf('https://backend2')); // in channel 2's address
    const insert = (piece: string) => (t: string) => t.slice(0, at(t)) + piece + t.slice(at(t));
    const remove = (length: number) => (t: string) => t.slice(0, at(t) - length) + t.slice(at(t));
    // Each step edits the previous text; `broken` says whether the result has
    // XML problems, `reread` whether only channel 2 is read again. A close tag
    // saxes cannot match unwinds its stack past the channel: the whole file is read.
    const steps: [string, (t: string) => string, boolean, boolean][] = [
      ['a half-typed "<"', insert('<'), true, true],
      ['a tag name after it', insert('b'), true, true],
      ['the "<b" removed', remove(2), false, true],
      ['a bare "&"', insert('&'), true, true],
      ['a half-typed reference', insert('am'), true, true],
      ['a stray ">"', insert('>'), true, true],
      ['all of it removed', remove(4), false, true],
      ['a half-typed start tag', insert('<valu'), true, true],
      ['an attribute name', insert(' a'), true, true],
      ['all of it removed again', remove(7), false, true],
      ['a half-typed close tag', insert('</'), true, false],
      ['the close tag removed', remove(2), false, false],
      ['an unknown entity', insert('&host;'), true, true],
      ['a "<" after it', insert('<'), true, true],
      ['both removed', remove(7), false, true],
    ];
    let current = parseIflow(uri, handMadeIflow(6));
    for (const [label, edit, broken, reread] of steps) {
      const text = edit(current.text);
      const updated = updateParsedIflow(current, text);
      const full = parseIflow(uri, text);
      assert.deepEqual(iflowSnapshot(updated.model), iflowSnapshot(full.model), label);
      assert.equal(full.model.problems.length > 0, broken, label);
      const [a, b] = [facts(current), facts(updated)];
      assert.deepEqual(
        a.map((f, i) => f === b[i]),
        reread ? [true, true, false, true, true, true] : [false, false, false, false, false, false],
        `${label}: only channel 2 re-read: ${reread}`,
      );
      current = updated;
    }
  });

  it('reads the whole file when a problem lies outside the edited channel', () => {
    const uri = 'file:///a/Flow.iflw';
    const text = handMadeIflow(4);
    // A problem in channel 1, then an edit in channel 2.
    const broken = text.replace('Channel &lt;1&gt;', 'Channel <1&gt;');
    const before = parseIflow(uri, broken);
    assert.ok(before.model.problems.length > 0);
    const edited = broken.replace('https://backend2', 'http://backend2');
    const after = updateParsedIflow(before, edited);
    assert.ok(!after.model.channels.some((c, i) => factsOf(c) === factsOf(before.model.channels[i])), 'full read');
    assert.deepEqual(iflowSnapshot(after.model), iflowSnapshot(parseIflow(uri, edited).model));
    // More problems in channel 1 than a model keeps: the one in channel 2 is left out, yet it is there.
    const many = text.replace('Channel &lt;1&gt;', 'Channel 1 ' + '&a; '.repeat(120)).replace('Channel &lt;2&gt;', 'Channel <2&gt;');
    const crowded = parseIflow(uri, many);
    const inChannel1 = many.replace('Channel 1 &a;', 'Channel 1 &b;');
    const updated = updateParsedIflow(crowded, inChannel1);
    assert.ok(!updated.model.channels.some((c, i) => factsOf(c) === factsOf(crowded.model.channels[i])), 'full read');
    assert.deepEqual(iflowSnapshot(updated.model), iflowSnapshot(parseIflow(uri, inChannel1).model));
    // A close tag saxes cannot match unwinds past the channel: the whole file is read too.
    const clean = parseIflow(uri, text);
    const unmatched = text.replace('<key>Name</key>', '<key>Name</kex>');
    const reread = updateParsedIflow(clean, unmatched);
    assert.ok(!reread.model.channels.some((c, i) => factsOf(c) === factsOf(clean.model.channels[i])), 'full read');
    assert.deepEqual(iflowSnapshot(reread.model), iflowSnapshot(parseIflow(uri, unmatched).model));
  });

  it('equals a full read and analysis after random edits of a hand-made iFlow (LF and CRLF)', () => {
    const uri = 'file:///w/p/src/main/resources/scenarioflows/integrationflow/Hand%20Made.iflw';
    const parameters = parseParameters('file:///w/p/src/main/resources/parameters.prop', HAND_MADE_PARAMETERS);
    const config = parseConfig('{ "openedPorts": [8080] }', 'file:///w/.cpisecurity.json').config;
    const analysis = { parameters, config, configTarget: configTarget('file:///w/.cpisecurity.json', '{}'), today: FIXTURE_TODAY };
    checkRandomEdits(uri, handMadeIflow(12), 30, 1, analysis);
    checkRandomEdits(uri, handMadeIflow(8, '\r\n'), 25, 2, analysis);
  });

  it('reads the same with the stretch an open document recorded as by comparing the texts, after random batches of edits', () => {
    for (const [seed, lineEnd] of [
      [3, '\n'],
      [4, '\r\n'],
    ] as const) {
      const next = random(seed);
      const original = handMadeIflow(8, lineEnd);
      const document = OpenDocument.create('file:///a/Flow.iflw', 'cpi-iflow', 1, original);
      let current = parseIflow(document.uri, original);
      let counted = document.changeCount;
      let inPart = 0;
      for (let round = 0; round < 40; round++) {
        if (round % 10 === 9 || current.model.problems.length > 0) {
          // the whole text replaced (as a client without ranged changes sends it): no stretch is known;
          // also once the XML broke, which would leave every later edit to a full read
          document.update([{ text: original }], document.version + 1);
          assert.equal(document.changeSince(counted), undefined);
          current = parseIflow(document.uri, original);
          counted = document.changeCount;
          continue;
        }
        // one to three edits before the analysis runs, each on the text the one before left: mostly typing in a value
        const batch = next() < 0.6 ? 1 : 2 + Math.floor(next() * 2);
        for (let i = 0; i < batch; i++) {
          const text = document.getText();
          const model = i === 0 ? current.model : parseIflow(document.uri, text).model;
          const edit = next() < 0.85 ? typedInValue(model, next) : randomEdit(text, model, next);
          const range = { start: document.positionAt(edit.start), end: document.positionAt(edit.end) };
          document.update([{ range, text: edit.insert }], document.version + 1);
        }
        const text = document.getText();
        const known = document.changeSince(counted);
        assert.ok(known, `round ${round}: the stretch is known`);
        const where = `seed ${seed} round ${round}: ${JSON.stringify(known)}`;
        assert.equal(current.text.slice(0, known.start), text.slice(0, known.start), where);
        assert.equal(current.text.slice(known.oldEnd), text.slice(known.newEnd), where);
        // the stretches it reads come from the document's buffer, as in the editor
        const updated = updateParsedIflow(
          current,
          text,
          known,
          (from, to) => document.slice(from, to),
          (from, to) => document.sliceAt(counted, from, to) ?? assert.fail('the version read last is kept'),
        );
        assert.deepEqual(iflowSnapshot(updated.model), iflowSnapshot(updateParsedIflow(current, text).model), where);
        assert.deepEqual(iflowSnapshot(updated.model), iflowSnapshot(parseIflow(document.uri, text).model), where);
        if (updated.inPart) inPart++;
        current = updated;
        counted = document.changeCount;
      }
      assert.ok(inPart >= 10, `read in part ${inPart} times of 40`);
    }
  });

  for (const name of readdirSync(FIXTURES).filter((n) => n.endsWith('.iflw'))) {
    it(`equals a full read after random edits of fixture ${name}`, () => {
      const text = readFileSync(path.join(FIXTURES, name), 'utf8');
      checkRandomEdits(pathToFileURL(path.join(FIXTURES, name)).href, text, 30, name.length, {
        config: DEFAULT_CONFIG,
        today: FIXTURE_TODAY,
      });
    });
  }

  it('equals a full analysis after random edits of every rule fixture case', () => {
    let seed = 100;
    for (const folder of caseFolders(RULE_CASES)) {
      const files = loadCase(folder).files;
      const folderUri = pathToFileURL(folder).href;
      const parametersText = files.get(`${folderUri}/parameters.prop`);
      const configText = files.get(`${folderUri}/.cpisecurity.json`);
      const config =
        configText === undefined
          ? { ...DEFAULT_CONFIG, root: folderUri }
          : parseConfig(configText, `${folderUri}/.cpisecurity.json`).config;
      const analysis = {
        parameters: parametersText === undefined ? undefined : parseParameters(`${folderUri}/parameters.prop`, parametersText),
        config,
        configTarget: configTarget(`${folderUri}/.cpisecurity.json`, configText),
        today: FIXTURE_TODAY,
      };
      for (const [uri, text] of files) if (uri.endsWith('.iflw')) checkRandomEdits(uri, text, 3, seed++, analysis);
    }
  });

  describe('on the corpus', () => {
    const files = existsSync(CORPUS)
      ? readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
          .filter((name) => name.endsWith('.iflw'))
          .sort()
      : [];
    if (files.length === 0) it.skip(`needs the corpus at ${CORPUS}`);
    files.forEach((name, i) => {
      it(`equals a full read and analysis after random edits of ${name}`, () => {
        const text = readFileSync(path.join(CORPUS, name), 'utf8');
        checkRandomEdits(`file:///corpus/${i}.iflw`, text, 5, 1000 + i, { config: DEFAULT_CONFIG, today: FIXTURE_TODAY });
      });
    });
  });
});

describe('whole-iFlow rules run channel by channel', () => {
  // analyseArtifact runs cleartext-secret and allowed-headers-wildcard on one
  // channel at a time (so their findings are kept per channel); that must
  // give what one run over the whole iFlow reports, in the same order.
  const rangeOf = (report: Report): Range => {
    const property = 'segments' in report.on ? report.on.property : report.on;
    return property.value?.range ?? property.keyRange;
  };

  function check(uri: string, text: string, parametersText?: string): number {
    const iflow = parseIflow(uri, text);
    const parameters = parametersText === undefined ? undefined : parseParameters('file:///p/parameters.prop', parametersText);
    const result = analyseArtifact({ iflows: [iflow], parameters, config: DEFAULT_CONFIG, today: FIXTURE_TODAY });
    const view = {
      channels: iflow.model.channels.map((channel) => new ChannelView(channel, parameters?.file)),
      otherProperties: iflow.model.otherProperties,
      resolve: (property: IflowProperty) => (property.value ? resolveValue(property, parameters?.file) : undefined),
    };
    let compared = 0;
    for (const rule of IFLOW_RULES) {
      const expected: { range: Range; message: string }[] = [];
      rule.checkIflow(view, (report) => expected.push({ range: rangeOf(report), message: report.message }), {
        config: DEFAULT_CONFIG,
        iflow: iflow.model,
        iflowName: 'x',
        now: new Date(),
      });
      const actual = result.findings
        .filter((f) => f.ruleId === rule.meta.id && f.uri === uri)
        .map((f) => ({ range: f.range, message: f.message }));
      assert.deepEqual(actual, expected, `${rule.meta.id} in ${uri}`);
      compared += expected.length;
    }
    return compared;
  }

  it('on a hand-made iFlow with findings in channels and loose properties', () => {
    assert.ok(check('file:///w/Hand.iflw', handMadeIflow(12), HAND_MADE_PARAMETERS) >= 5);
  });

  it('on the corpus', function () {
    const names = existsSync(CORPUS)
      ? readdirSync(CORPUS, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.iflw'))
      : [];
    if (names.length === 0) this.skip();
    let compared = 0;
    for (const name of names)
      compared += check(`file:///corpus/${encodeURIComponent(name)}`, readFileSync(path.join(CORPUS, name), 'utf8'));
    assert.ok(compared > 0);
  });
});
