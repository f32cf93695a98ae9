// A large synthetic iFlow for the benchmarks: many HTTP receivers, some of
// them with findings (plain HTTP, Basic authentication), each padded with a
// long description so the file reaches the size asked for.

function channel(i: number): string {
  const property = (key: string, value: string) => `        <ifl:property>\n          <key>${key}</key>\n          <value>${value}</value>\n        </ifl:property>\n`;
  return (
    `    <bpmn2:messageFlow id="MessageFlow_${i}" name="HTTP" sourceRef="EndEvent_${i}" targetRef="Participant_${i}">\n      <bpmn2:extensionElements>\n` +
    property('ComponentType', 'HTTP') +
    property('direction', 'Receiver') +
    property('Name', `Receiver ${i}`) +
    property('httpAddressWithoutQuery', i % 10 === 0 ? `http://backend${i}.example.com/api` : `https://backend${i}.example.com/api`) +
    property('authenticationMethod', i % 7 === 0 ? 'Basic' : 'OAuth2 Client Credentials') +
    property('proxyType', 'default') +
    property('allowedRequestHeaders', '') +
    property('description', 'x'.repeat(400)) +
    `      </bpmn2:extensionElements>\n    </bpmn2:messageFlow>\n`
  );
}

/** An iFlow of at least `bytes` characters. */
export function largeIflow(bytes: number): string {
  const head = `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ifl="http:///com.sap.ifl.model/Ifl.xsd">\n  <bpmn2:collaboration id="Collaboration_1" name="Bench">\n`;
  const parts = [head];
  let size = head.length;
  for (let i = 0; size < bytes; i++) {
    const part = channel(i);
    parts.push(part);
    size += part.length;
  }
  parts.push('  </bpmn2:collaboration>\n</bpmn2:definitions>\n');
  return parts.join('');
}
