/** An iFlow with one Script step running `scriptName` (the `script` property names the file under script/). */
export function scriptStepIflow(scriptName: string, processName = 'Orders'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ifl="http:///com.sap.ifl.model/Ifl.xsd">
  <bpmn2:process id="Process_1" name="${processName}">
    <bpmn2:callActivity id="CallActivity_1" name="Log">
      <bpmn2:extensionElements>
        <ifl:property>
          <key>activityType</key>
          <value>Script</value>
        </ifl:property>
        <ifl:property>
          <key>script</key>
          <value>${scriptName}</value>
        </ifl:property>
      </bpmn2:extensionElements>
    </bpmn2:callActivity>
  </bpmn2:process>
</bpmn2:definitions>
`;
}
