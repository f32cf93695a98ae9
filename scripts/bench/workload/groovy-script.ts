// A large generated Groovy script of a Script step, for the script edit
// latency: functions the way CPI developers write them (message log, headers
// and properties, XML parsing, string forms with interpolation, closures,
// maps, comments), repeated with seeded variation up to the line count, with
// a few sites where script rules fire so diagnostics are not empty.
import type { Random } from './prng';

const HEADERS = ['SAP_ApplicationID', 'Content-Type', 'CamelHttpUri', 'x-correlation-id', 'SAP_Receiver', 'OrderNumber'];
const PROPS = ['orderId', 'customer', 'batchSize', 'retryCount', 'targetSystem', 'mode'];

function block(random: Random, n: number): string[] {
  const header = random.pick(HEADERS);
  const prop = random.pick(PROPS);
  const lines = [
    `/** Step ${n}: enriches the message for ${prop}. */`,
    `def step${n}(Message message) {`,
    `    def headers = message.getHeaders()`,
    `    def props = message.getProperties()`,
    `    String value = headers.get("${header}") ?: ''`,
    `    def count = (props.get('${prop}') ?: "${random.int(0, 999)}") as Integer // default when unset`,
    `    def items = [1, 2, 3].collect { it * ${random.int(2, 9)} }.findAll { v -> v % 2 == 0 }`,
    `    def map = [name: "item-$n", size: items.size(), path: "\${value}/\${count + 1}"]`,
    `    if (value =~ /^[A-Z]{2,}\\d+$/ && count > ${random.int(1, 50)}) {`,
    `        message.setHeader('${header}', """prefix-\${value.trim()}-\${map.name}""")`,
    `    } else {`,
    `        message.setProperty("${prop}", '''multi`,
    `line ${n}''')`,
    `    }`,
    `    /* keep the original body for the next step */`,
    `    def body = message.getBody(String)`,
    `    def xml = new XmlSlurper().parseText(body ?: '<root/>')`,
    `    xml.'**'.findAll { node -> node.name() == 'Item${n}' }.each { node ->`,
    `        map.put(node.@id.text(), node.text().toUpperCase())`,
    `    }`,
    `    for (int i = 0; i < count; i++) { value += i.toString() }`,
    `    return message`,
    `}`,
    ``,
  ];
  // Every tenth block holds something the script rules report.
  if (n % 10 === 3)
    lines.splice(lines.length - 3, 0, `    messageLogFactory.getMessageLog(message)?.addAttachmentAsString('body${n}', body, 'text/xml')`);
  if (n % 10 === 7) lines.splice(lines.length - 3, 0, `    def url = new URL("http://legacy${n}.example.com/api")`);
  return lines;
}

/** A Groovy script of whole functions, at least `lines` lines (seeded: the same text every run). */
export function generateGroovyScript(random: Random, lines: number): string {
  const out = [
    'import com.sap.gateway.ip.core.customdev.util.Message',
    'import groovy.xml.XmlSlurper',
    '',
    'def Message processData(Message message) {',
    '    return step1(message)',
    '}',
    '',
  ];
  for (let n = 1; out.length < lines; n++) out.push(...block(random, n));
  return out.join('\n') + '\n';
}
