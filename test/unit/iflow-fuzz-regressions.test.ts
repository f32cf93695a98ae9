import * as assert from 'node:assert/strict';
import { parseIflow, updateParsedIflow } from '../../server/src/core/analysis/parsed';

// Reproducers found by the fuzz suite (test/fuzz): text the reader read
// wrongly, and edits after which the incremental update differed from a
// fresh read of the text.

const URI = 'file:///a/Flow.iflw';
const NAMESPACES = 'xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ifl="http:///com.sap.ifl.model/Ifl.xsd"';

describe('iFlow reader: fuzz reproducers', () => {
  it('keeps the "</>" of an empty close tag out of the next attribute value', () => {
    // saxes reports "weird empty close tag" and keeps "</>" in its text buffer.
    const text = `<bpmn2:definitions ${NAMESPACES}><bpmn2:collaboration id="C"><ifl:property><key>k</ xmlns:ifl="urn:other"key><value>v</value></ifl:property><bpmn2:participant id="Participant_1" ifl:type="EndpointSender"/></bpmn2:collaboration></bpmn2:definitions>`;
    const { model } = parseIflow(URI, text);
    assert.ok(model.problems.some((p) => p.message === 'weird empty close tag.'));
    assert.deepEqual([...model.participants.keys()], ['Participant_1']);
  });
});

describe('incremental iFlow update: fuzz reproducers', () => {
  it('drops a channel whose start tag an edit inside a loose property breaks', () => {
    // A channel start tag typed into a loose property's value opens a channel
    // (the whole file is read); one more "<" turns it back into text. The
    // loose property is then re-read on its own, and the channel must go.
    const text = `<bpmn2:definitions ${NAMESPACES}>\n<bpmn2:collaboration id="C">\n<bpmn2:extensionElements>\n<ifl:property>\n<key>ComponentType</key>\n<value>HTTP</value>\n</ifl:property>\n</bpmn2:extensionElements>\n</bpmn2:collaboration>\n</bpmn2:definitions>\n`;
    const at = text.indexOf('<value>') + '<value>'.length;
    const withChannel = `${text.slice(0, at)}<bpmn2:messageFlow id="X">${text.slice(at)}`;
    const broken = `${withChannel.slice(0, at)}<${withChannel.slice(at)}`;
    const first = updateParsedIflow(parseIflow(URI, text), withChannel);
    assert.deepEqual(
      first.model.channels.map((c) => c.id),
      ['X'],
    );
    const second = updateParsedIflow(first, broken);
    assert.deepEqual(second.model.channels, parseIflow(URI, broken).model.channels);
    assert.deepEqual(second.model.channels, []);
    assert.equal(second.model.otherProperties[0].value?.text, parseIflow(URI, broken).model.otherProperties[0].value?.text);
  });

  it('keeps the problems at the end of a truncated file that ends with the edited channel', () => {
    // The elements left open are reported at the end of the file, which is
    // also the end of the channel: they are not the channel's own problems.
    const text = `<bpmn2:definitions ${NAMESPACES}>\n<bpmn2:collaboration id="C">\n<bpmn2:messageFlow id="M"><bpmn2:extensionElements><ifl:property><key>ComponentType</key><value>HTTP</value></ifl:property></bpmn2:extensionElements></bpmn2:messageFlow>`;
    const at = text.indexOf('HTTP');
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const updated = updateParsedIflow(parseIflow(URI, text), edited);
    assert.deepEqual(
      updated.model.problems.map((p) => p.message),
      ['unclosed tag: bpmn2:collaboration', 'unclosed tag: bpmn2:definitions'],
    );
    assert.deepEqual(updated.model.problems, parseIflow(URI, edited).model.problems);
  });

  it('reads the whole file when the edited loose property did not close cleanly before the edit', () => {
    // "</a b</key>" in the value unwinds the parser's stack, so nothing is left
    // open at the end of the file; after the edit the stack is no longer
    // unwound and the elements left open are reported at the end.
    const text = `<bpmn2:definitions ${NAMESPACES}>\n<bpmn2:collaboration id="C">\n<bpmn2:extensionElements>\n<ifl:property>\n<key>password</key>\n<value>x</a b</key>\n</ifl:property>\n`;
    const at = text.indexOf('<value>') + '<value'.length;
    const edited = `${text.slice(0, at)}<${text.slice(at + 1)}`;
    const updated = updateParsedIflow(parseIflow(URI, text), edited);
    const full = parseIflow(URI, edited);
    assert.ok(full.model.problems.some((p) => p.message === 'unclosed tag: bpmn2:definitions'));
    assert.deepEqual(updated.model.problems, full.model.problems);
  });
});
