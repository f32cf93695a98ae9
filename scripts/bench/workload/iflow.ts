// One iFlow document as SAP writes it: a collaboration with a participant
// and a message flow per channel, integration processes with their steps,
// and the diagram (a shape per element, an edge per flow). Senders start a
// new process; receivers hang off a request-reply task of the current one.
// Process steps (content modifiers) fill the file up to the size asked for,
// as they make up most of a real iFlow's bytes.
import { randomChannel, type ChannelSpec, type Property } from './adapters';
import type { Random } from './prng';

export interface IflowRequest {
  readonly name: string;
  readonly channels: number;
  /** Steps are added until the document has at least this many bytes. */
  readonly targetBytes: number;
}

export interface GeneratedIflow {
  readonly text: string;
  readonly channels: readonly ChannelSpec[];
  /** Parameter name to value, for parameters.prop (every placeholder the text uses). */
  readonly parameters: ReadonlyMap<string, string>;
}

const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:ifl="http:///com.sap.ifl.model/Ifl.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_1">\n';

function properties(list: readonly Property[], indent: string): string {
  if (list.length === 0) return `${indent}<bpmn2:extensionElements/>\n`;
  // values are written already escaped (table values hold &lt;row&gt;...)
  const body = list.map(
    ([key, value]) =>
      `${indent}  <ifl:property>\n${indent}    <key>${key}</key>\n${indent}    ${value === '' ? '<value/>' : `<value>${value}</value>`}\n${indent}  </ifl:property>\n`,
  );
  return `${indent}<bpmn2:extensionElements>\n${body.join('')}${indent}</bpmn2:extensionElements>\n`;
}

interface Process {
  readonly id: number;
  /** Element ids in flow order, start event first; the end event is added when written. */
  readonly elements: string[];
  readonly receivers: { task: string; channel: number }[];
  sender?: number;
  steps: number;
}

function shape(id: string, x: number, y: number, w = 100, h = 60): string {
  return `      <bpmndi:BPMNShape bpmnElement="${id}" id="BPMNShape_${id}">\n        <dc:Bounds height="${h}.0" width="${w}.0" x="${x}.0" y="${y}.0"/>\n      </bpmndi:BPMNShape>\n`;
}

function edge(id: string, from: string, to: string, x1: number, y1: number, x2: number, y2: number): string {
  return `      <bpmndi:BPMNEdge bpmnElement="${id}" id="BPMNEdge_${id}" sourceElement="BPMNShape_${from}" targetElement="BPMNShape_${to}">\n        <di:waypoint x="${x1}.0" xsi:type="dc:Point" y="${y1}.0"/>\n        <di:waypoint x="${x2}.0" xsi:type="dc:Point" y="${y2}.0"/>\n      </bpmndi:BPMNEdge>\n`;
}

function contentModifier(id: string, n: number, random: Random, incoming: string, outgoing: string): string {
  const header = `&lt;row&gt;&lt;cell id='Action'&gt;Create&lt;/cell&gt;&lt;cell id='Type'&gt;expression&lt;/cell&gt;&lt;cell id='Value'&gt;\${property.step${n}}&lt;/cell&gt;&lt;cell id='Name'&gt;X-Step-${n}&lt;/cell&gt;&lt;/row&gt;`;
  const props: Property[] = [
    ['bodyType', 'expression'],
    ['propertyTable', ''],
    ['headerTable', header],
    ['wrapContent', random.chance(0.5) ? `&lt;order id="\${property.id}"&gt;\${in.body}&lt;/order&gt;` : ''],
    ['componentVersion', '1.5'],
    ['activityType', 'Enricher'],
    ['cmdVariantUri', 'ctype::FlowstepVariant/cname::Enricher/version::1.5.1'],
  ];
  return `    <bpmn2:callActivity id="${id}" name="Content Modifier ${n}">\n${properties(props, '      ')}      <bpmn2:incoming>${incoming}</bpmn2:incoming>\n      <bpmn2:outgoing>${outgoing}</bpmn2:outgoing>\n    </bpmn2:callActivity>\n`;
}

function requestReply(id: string, incoming: string, outgoing: string): string {
  const props: Property[] = [
    ['componentVersion', '1.0'],
    ['activityType', 'ExternalCall'],
    ['cmdVariantUri', 'ctype::FlowstepVariant/cname::ExternalCall/version::1.0.4'],
  ];
  return `    <bpmn2:serviceTask id="${id}" name="Request Reply">\n${properties(props, '      ')}      <bpmn2:incoming>${incoming}</bpmn2:incoming>\n      <bpmn2:outgoing>${outgoing}</bpmn2:outgoing>\n    </bpmn2:serviceTask>\n`;
}

/** Builds an iFlow; `random` decides everything, so the same source gives the same bytes. */
export function generateIflow(request: IflowRequest, random: Random): GeneratedIflow {
  const parameters = new Map<string, string>();
  const channels: ChannelSpec[] = [];
  const processes: Process[] = [];
  const newProcess = () => {
    const process: Process = { id: processes.length + 1, elements: [`StartEvent_${processes.length + 1}`], receivers: [], steps: 0 };
    processes.push(process);
    return process;
  };
  let current = newProcess();
  for (let index = 0; index < request.channels; index++) {
    const channel = randomChannel({
      random,
      index,
      parameter: (name, value) => {
        parameters.set(name, value);
        return `{{${name}}}`;
      },
    });
    channels.push(channel);
    if (channel.direction === 'Sender') {
      if (current.sender !== undefined) current = newProcess();
      current.sender = index;
    } else {
      const task = `ServiceTask_${index}`;
      current.elements.push(task);
      current.receivers.push({ task, channel: index });
    }
  }

  const render = (stepsTotal: number) => {
    // steps spread over the processes round-robin, then rendered after each process's tasks
    for (const process of processes) process.steps = 0;
    for (let s = 0; s < stepsTotal; s++) processes[s % processes.length].steps++;
    return renderDocument(request.name, channels, processes, random.fork(7));
  };
  let text = render(0);
  if (text.length < request.targetBytes) {
    const perStep = (render(processes.length).length - text.length) / processes.length;
    text = render(Math.ceil((request.targetBytes - text.length) / perStep));
  }
  return { text, channels, parameters };
}

function renderDocument(name: string, channels: readonly ChannelSpec[], processes: readonly Process[], random: Random): string {
  const out: string[] = [HEAD, `  <bpmn2:collaboration id="Collaboration_1" name="Default Collaboration">\n`];
  out.push(
    properties(
      [
        ['namespaceMapping', ''],
        ['allowedHeaderList', ''],
        ['httpSessionHandling', 'None'],
        ['ServerTrace', 'false'],
        ['returnExceptionToSender', 'false'],
        ['log', 'All events'],
        ['componentVersion', '1.2'],
        ['cmdVariantUri', 'ctype::IFlowVariant/cname::IFlowConfiguration/version::1.2.4'],
      ],
      '    ',
    ),
  );
  const diagram: string[] = [];
  channels.forEach((channel, i) => {
    const type = channel.direction === 'Sender' ? 'EndpointSender' : 'EndpointRecevier';
    out.push(
      `    <bpmn2:participant id="Participant_${i}" ifl:type="${type}" name="${channel.direction}${i}">\n${properties([['ifl:type', type]], '      ')}    </bpmn2:participant>\n`,
    );
    diagram.push(shape(`Participant_${i}`, channel.direction === 'Sender' ? 40 : 1400, 100 + i * 20));
  });
  for (const process of processes) {
    out.push(
      `    <bpmn2:participant id="Participant_Process_${process.id}" ifl:type="IntegrationProcess" name="Integration Process ${process.id}" processRef="Process_${process.id}">\n      <bpmn2:extensionElements/>\n    </bpmn2:participant>\n`,
    );
    diagram.push(shape(`Participant_Process_${process.id}`, 250, 100 + process.id * 300, 1000, 260));
  }
  const processOf = new Map<number, Process>();
  for (const process of processes) {
    if (process.sender !== undefined) processOf.set(process.sender, process);
    for (const receiver of process.receivers) processOf.set(receiver.channel, process);
  }
  channels.forEach((channel, i) => {
    const process = processOf.get(i)!;
    const [source, target] =
      channel.direction === 'Sender' ? [`Participant_${i}`, `StartEvent_${process.id}`] : [`ServiceTask_${i}`, `Participant_${i}`];
    out.push(
      `    <bpmn2:messageFlow id="MessageFlow_${i}" name="${channel.adapter}" sourceRef="${source}" targetRef="${target}">\n${properties(channel.properties, '      ')}    </bpmn2:messageFlow>\n`,
    );
    diagram.push(edge(`MessageFlow_${i}`, source, target, 140, 130 + i * 20, 300, 130 + i * 20));
  });
  out.push('  </bpmn2:collaboration>\n');

  for (const process of processes) out.push(renderProcess(process, random, diagram));
  out.push(
    `  <bpmndi:BPMNDiagram id="BPMNDiagram_1" name="${name}">\n    <bpmndi:BPMNPlane bpmnElement="Collaboration_1" id="BPMNPlane_1">\n`,
    ...diagram,
    '    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n</bpmn2:definitions>\n',
  );
  return out.join('');
}

function renderProcess(process: Process, random: Random, diagram: string[]): string {
  const p = process.id;
  const steps = Array.from({ length: process.steps }, (_, s) => `CallActivity_${p}_${s}`);
  const chain = [...process.elements, ...steps, `EndEvent_${p}`];
  const flow = (j: number) => `SequenceFlow_${p}_${j}`;
  const out: string[] = [`  <bpmn2:process id="Process_${p}" name="Integration Process ${p}">\n`];
  out.push(
    properties(
      [
        ['transactionTimeout', '30'],
        ['componentVersion', '1.2'],
        ['cmdVariantUri', 'ctype::FlowElementVariant/cname::IntegrationProcess/version::1.2.1'],
        ['transactionalHandling', 'Not Required'],
      ],
      '    ',
    ),
  );
  chain.forEach((id, j) => {
    const incoming = flow(j - 1);
    const outgoing = flow(j);
    if (j === 0)
      out.push(
        `    <bpmn2:startEvent id="${id}" name="Start">\n      <bpmn2:outgoing>${outgoing}</bpmn2:outgoing>\n      <bpmn2:messageEventDefinition/>\n    </bpmn2:startEvent>\n`,
      );
    else if (j === chain.length - 1)
      out.push(
        `    <bpmn2:endEvent id="${id}" name="End">\n      <bpmn2:incoming>${incoming}</bpmn2:incoming>\n      <bpmn2:messageEventDefinition/>\n    </bpmn2:endEvent>\n`,
      );
    else if (id.startsWith('ServiceTask_')) out.push(requestReply(id, incoming, outgoing));
    else out.push(contentModifier(id, j, random, incoming, outgoing));
    diagram.push(shape(id, 300 + j * 130, 130 + p * 300));
    if (j > 0) {
      out.push(`    <bpmn2:sequenceFlow id="${incoming}" sourceRef="${chain[j - 1]}" targetRef="${id}"/>\n`);
      diagram.push(edge(incoming, chain[j - 1], id, 400 + (j - 1) * 130, 160 + p * 300, 300 + j * 130, 160 + p * 300));
    }
  });
  out.push('  </bpmn2:process>\n');
  return out.join('');
}
