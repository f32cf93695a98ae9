import * as assert from 'node:assert/strict';
import { buildFindings } from '../../server/src/core/analysis/findings-builder';
import { parseIflow } from '../../server/src/core/analysis/parsed';
import { resolveValue } from '../../server/src/core/params/resolve';
import { setValue } from '../../server/src/core/rules/support/fixes';
import { applyTextEdits } from '../support/apply-edits';

const flow = (value: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ifl="http:///com.sap.ifl.model/Ifl.xsd">
  <bpmn2:collaboration id="Collaboration_1">
    <bpmn2:participant id="P" ifl:type="EndpointSender"/>
    <bpmn2:messageFlow id="MF" sourceRef="P" targetRef="Start">
      <bpmn2:extensionElements>
        <ifl:property><key>ComponentType</key><value>HTTPS</value></ifl:property>
        <ifl:property><key>xsrfProtection</key>${value}</ifl:property>
      </bpmn2:extensionElements>
    </bpmn2:messageFlow>
  </bpmn2:collaboration>
</bpmn2:definitions>
`;

describe('findings builder: fixes', () => {
  for (const [name, written] of [
    ['a self-closing <value/>', '<value/>'],
    ['an empty <value></value>', '<value></value>'],
    ['a filled value', '<value>0</value>'],
  ]) {
    it(`sets ${name} to well-formed XML`, () => {
      const text = flow(written);
      const iflow = parseIflow('file:///a/Flow.iflw', text);
      const property = iflow.model.channels[0].properties.get('xsrfProtection')!;
      const target = resolveValue(property, undefined);
      const [finding] = buildFindings(
        'csrf-protection-disabled',
        'warning',
        { on: target, message: 'm', fixes: [setValue(target, '1', 'Turn it on')] },
        { iflow, iflowName: 'Flow' },
      );
      const [change] = finding.fixes[0].edits;
      const fixed = applyTextEdits(text, change.edits);
      assert.match(fixed, /<ifl:property><key>xsrfProtection<\/key><value>1<\/value><\/ifl:property>/);
      assert.deepEqual(parseIflow('file:///a/Flow.iflw', fixed).model.problems, []);
    });
  }
});
