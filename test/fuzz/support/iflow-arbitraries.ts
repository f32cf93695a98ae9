import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, filesUnder } from '../../support/files';
import { mutatedText } from './mutations';

// Realistic iFlows: our own generator (the shapes SAP writes: namespaces on
// the root, a collaboration with participants and message flows whose
// extension elements hold ifl:property key/value pairs, a process with
// properties of its own), plus the project's fixtures as seeds. The corpus
// beside the repository adds seeds when present; without it nothing changes.

const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const IFL = 'http:///com.sap.ifl.model/Ifl.xsd';

const KEYS = [
  'ComponentType',
  'direction',
  'Name',
  'address',
  'httpAddressWithoutQuery',
  'authenticationMethod',
  'proxyType',
  'allowedRequestHeaders',
  'password',
  'host',
  'port',
  'TransportProtocol',
  'MessageProtocol',
  'ComponentNS',
  'credentialName',
  'location_id',
  'enableCSRF',
  'allowedHeaderList',
  'clientPassword',
  'userRole',
  'senderAuthType',
  'protection',
  'serverAddress',
  'description',
];

const PLAIN_VALUES = [
  'HTTP',
  'HTTPS',
  'SFTP',
  'Mail',
  'AMQP',
  'SOAP',
  'Receiver',
  'Sender',
  'Basic',
  'None',
  'Client Certificate',
  'RoleBased',
  'sapcc',
  'default',
  'Internet',
  'OnPremise',
  '*',
  'true',
  'false',
  '25',
  '587',
  '465',
  '',
  ' ',
  'ESBMessaging.send',
  'http://{{Host}}:8080/api',
  'https://backend.example.com/x?a=1&amp;b=2',
  '{{Password}}',
  '{{Auth}}',
  'smtp.example.com:25',
  'ssl-wrap',
  'STARTTLS optional',
];

/** Value text built from pieces XML gives meaning to: references, CDATA, comments, line ends. */
const VALUE_PIECES = [
  'a',
  'Z',
  '0',
  ' ',
  '/',
  ':',
  '.',
  '{{',
  '}}',
  '{{Host}}',
  '&amp;',
  '&lt;',
  '&gt;',
  '&quot;',
  '&apos;',
  '&#x41;',
  '&#65;',
  '&#x1F600;',
  '\n',
  '\r\n',
  '\t',
  '<![CDATA[x<&]]>',
  '<![CDATA[\r\n]]>',
  '<!-- note -->',
  '<?pi x?>',
  'é',
  '😀',
  'http://',
  'https://',
  'x'.repeat(40),
];

const valueText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PLAIN_VALUES) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...VALUE_PIECES), { maxLength: 8 }).map((parts) => parts.join('')) },
);

type PropertyShape = 'full' | 'self-closing-value' | 'no-value' | 'compact';

const property = fc.record({
  key: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...KEYS) },
    { weight: 1, arbitrary: fc.constantFrom('Na&amp;me', 'a b', '', '&#x4E;ame') },
  ),
  value: valueText,
  shape: fc.constantFrom<PropertyShape>('full', 'full', 'full', 'compact', 'self-closing-value', 'no-value'),
});

const channel = fc.record({
  name: fc.option(fc.constantFrom('Channel', 'To ERP', 'A &amp; B', ''), { nil: undefined }),
  sender: fc.boolean(),
  properties: fc.array(property, { maxLength: 10 }),
});

const shape = fc.record({
  declaration: fc.boolean(),
  prefixes: fc.constantFrom<[string, string]>(['bpmn2', 'ifl'], ['bpmn2', 'ifl'], ['b', 'i'], ['', 'ifl']),
  collaborationName: fc.constantFrom('Default Collaboration', 'Orders &amp; Invoices', ''),
  loose: fc.array(property, { maxLength: 4 }),
  channels: fc.array(channel, { maxLength: 6 }),
  processProperties: fc.array(property, { maxLength: 4 }),
  participantsFirst: fc.boolean(),
  indent: fc.constantFrom('', '  ', '\t'),
  lineEnd: fc.constantFrom('\n', '\n', '\r\n', '\r'),
});

function propertyXml(p: { key: string; value: string; shape: PropertyShape }, pad: string, nl: string, ifl: string): string {
  const tag = ifl ? `${ifl}:property` : 'property';
  const key = `<key>${p.key}</key>`;
  const value = p.shape === 'self-closing-value' ? '<value/>' : p.shape === 'no-value' ? '' : `<value>${p.value}</value>`;
  if (p.shape === 'compact') return `${pad}<${tag}>${key}${value}</${tag}>${nl}`;
  return `${pad}<${tag}>${nl}${pad}${pad}${key}${nl}${value ? `${pad}${pad}${value}${nl}` : ''}${pad}</${tag}>${nl}`;
}

/** A well-formed iFlow in the shape SAP writes, with some variety in everything the reader looks at. */
export const generatedIflow: fc.Arbitrary<string> = shape.map((s) => {
  const [b, i] = s.prefixes;
  const q = (name: string) => (b ? `${b}:${name}` : name);
  const nl = s.lineEnd;
  const pad = s.indent;
  const xmlns = `${b ? `xmlns:${b}` : 'xmlns'}="${BPMN}" xmlns:${i}="${IFL}"`;
  const out: string[] = [];
  if (s.declaration) out.push(`<?xml version="1.0" encoding="UTF-8"?>${nl}`);
  out.push(`<${q('definitions')} ${xmlns} id="Definitions_1">${nl}`);
  out.push(`${pad}<${q('collaboration')} id="Collaboration_1" name="${s.collaborationName}">${nl}`);
  out.push(
    `${pad}<${q('extensionElements')}>${nl}`,
    ...s.loose.map((p) => propertyXml(p, pad + pad, nl, i)),
    `${pad}</${q('extensionElements')}>${nl}`,
  );
  const participants = s.channels.map(
    (c, n) =>
      `${pad}${pad}<${q('participant')} id="Participant_${n}" ${i}:type="${c.sender ? 'EndpointSender' : 'EndpointRecevier'}" name="Peer ${n}"/>${nl}`,
  );
  if (s.participantsFirst) out.push(...participants);
  s.channels.forEach((c, n) => {
    const refs = c.sender
      ? `sourceRef="Participant_${n}" targetRef="StartEvent_${n}"`
      : `sourceRef="EndEvent_${n}" targetRef="Participant_${n}"`;
    const name = c.name === undefined ? '' : ` name="${c.name}"`;
    out.push(`${pad}${pad}<${q('messageFlow')} id="MessageFlow_${n}"${name} ${refs}>${nl}`);
    out.push(`${pad}${pad}${pad}<${q('extensionElements')}>${nl}`);
    out.push(...c.properties.map((p) => propertyXml(p, pad + pad + pad + pad, nl, i)));
    out.push(`${pad}${pad}${pad}</${q('extensionElements')}>${nl}${pad}${pad}</${q('messageFlow')}>${nl}`);
  });
  if (!s.participantsFirst) out.push(...participants);
  out.push(`${pad}</${q('collaboration')}>${nl}`);
  out.push(`${pad}<${q('process')} id="Process_1" name="Integration Process">${nl}${pad}${pad}<${q('extensionElements')}>${nl}`);
  out.push(...s.processProperties.map((p) => propertyXml(p, pad + pad + pad, nl, i)));
  out.push(`${pad}${pad}</${q('extensionElements')}>${nl}${pad}</${q('process')}>${nl}</${q('definitions')}>${nl}`);
  return out.join('');
});

const REPO = join(__dirname, '..', '..', '..');
/** Reader fixtures, and rule cases in each rule's folder. */
const FIXTURE_FOLDERS = [join(REPO, 'test', 'fixtures'), join(REPO, 'server', 'src', 'core', 'rules')];

/** The project's own iFlow fixtures (reader fixtures and rule cases). */
export const FIXTURE_IFLOWS: readonly { readonly name: string; readonly text: string }[] = FIXTURE_FOLDERS.flatMap((folder) =>
  filesUnder(folder),
)
  .filter((path) => path.endsWith('.iflw'))
  .sort()
  .map((path) => ({ name: path.slice(REPO.length + 1), text: readFileSync(path, 'utf8') }));

/** Corpus iFlows up to this size join the seeds (larger ones make each case slow without finding more). */
const CORPUS_SEED_LIMIT = 300 * 1024;

/** Up to `max` corpus iFlows, smallest first; none when the corpus is absent. */
export function corpusIflows(max: number): { readonly name: string; readonly text: string }[] {
  if (!existsSync(CORPUS)) return [];
  return readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.iflw'))
    .map((name) => ({ name, size: statSync(join(CORPUS, name)).size }))
    .filter((file) => file.size <= CORPUS_SEED_LIMIT)
    .sort((a, b) => a.size - b.size || a.name.localeCompare(b.name))
    .slice(0, max)
    .map((file) => ({ name: `corpus/${file.name}`, text: readFileSync(join(CORPUS, file.name), 'utf8') }));
}

const CORPUS_SEEDS = corpusIflows(25);

/** Seeds to mutate: generated iFlows, the fixtures and (when present) small corpus files. */
export const realisticIflow: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: generatedIflow },
  { weight: 2, arbitrary: fc.constantFrom(...FIXTURE_IFLOWS.map((f) => f.text)) },
  ...(CORPUS_SEEDS.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...CORPUS_SEEDS.map((f) => f.text)) }] : []),
);

/** A realistic iFlow, damaged. */
export const mutatedIflow: fc.Arbitrary<string> = mutatedText(realisticIflow);

/** Realistic, damaged, or nothing like an iFlow at all. */
export const anyIflowText: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: realisticIflow },
  { weight: 6, arbitrary: mutatedIflow },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom('<', '>', '/', '&', ';', '"', '=', 'a', ':', ' ', '\n', '!', '?', '[', ']', '-'),
      maxLength: 300,
    }),
  },
);
