import { assignedCallName } from '../../script/assigned-names';
import { codeBlocks } from '../../script/blocks';
import { callIndex } from '../../script/call-index';
import type { CallSite } from '../../script/calls';
import { indentationAt, lineBreakOf } from '../../script/indentation';
import { literalValue } from '../../script/literals';
import type { ScriptCode, ScriptModel } from '../../script/model';
import { triggerNames, usesAny } from '../../script/names';
import { spanOffsets, spanText, type TokenSpan } from '../../script/span';
import { statementAround } from '../../script/statements';
import { indexedTexts } from '../../script/token-index';
import type { RuleChecks } from '../rule';
import type { ScriptEdit, ScriptFix, ScriptReport } from '../script-check';

// JAXP and dom4j parsers process a DOCTYPE (and so external entities) unless
// told otherwise; Groovy's XmlSlurper/XmlParser refuse it unless their third
// constructor argument allows it.

type FactoryKind = 'DocumentBuilderFactory' | 'SAXParserFactory' | 'XMLInputFactory' | 'TransformerFactory' | 'SchemaFactory' | 'SAXReader';

const FACTORY_KINDS = new Set<string>([
  'DocumentBuilderFactory',
  'SAXParserFactory',
  'XMLInputFactory',
  'TransformerFactory',
  'SchemaFactory',
  'SAXReader',
]);
const FACTORY_METHODS = new Set(['newInstance', 'newDefaultInstance', 'newFactory', 'newDefaultFactory']);
const SLURPERS = new Set(['XmlSlurper', 'XmlParser']);

const DISALLOW_DOCTYPE = 'http://apache.org/xml/features/disallow-doctype-decl';
const ACCESS_EXTERNAL_DTD = 'http://javax.xml.XMLConstants/property/accessExternalDTD';

interface Factory {
  readonly kind: FactoryKind;
  readonly call: CallSite;
  readonly code: ScriptCode;
  /** The variable the factory is assigned to, if any. */
  readonly variable?: string;
}

/** A boolean argument: `true`, `false`, `Boolean.TRUE`, `Boolean.FALSE`. */
function booleanOf(script: ScriptModel, code: ScriptCode, span: TokenSpan): boolean | undefined {
  const text = spanText(script, code, span).replace(/\s+/g, '');
  if (text === 'true' || text === 'Boolean.TRUE' || text === 'java.lang.Boolean.TRUE') return true;
  if (text === 'false' || text === 'Boolean.FALSE' || text === 'java.lang.Boolean.FALSE') return false;
  return undefined;
}

/** A feature or property named by a literal or by a constant's name (`XMLConstants.ACCESS_EXTERNAL_DTD`). */
function nameOf(script: ScriptModel, code: ScriptCode, span: TokenSpan): string {
  const literal = literalValue(code, span);
  return literal ? literal.value : spanText(script, code, span).replace(/\s+/g, '');
}

const isAccessExternalDtd = (name: string) => name === ACCESS_EXTERNAL_DTD || name.endsWith('ACCESS_EXTERNAL_DTD');
const isDisallowDoctype = (name: string) => name.endsWith('/disallow-doctype-decl');
const isExternalGeneralEntities = (name: string) => name.endsWith('/external-general-entities');
const isSupportDtd = (name: string) => name === 'javax.xml.stream.supportDTD' || name.endsWith('SUPPORT_DTD');
const isExternalEntitiesSupport = (name: string) =>
  name === 'javax.xml.stream.isSupportingExternalEntities' || name.endsWith('IS_SUPPORTING_EXTERNAL_ENTITIES');

/** Whether a setter call hardens whatever parser it is called on. */
function hardens(script: ScriptModel, code: ScriptCode, call: CallSite): boolean {
  const [first, second] = call.arguments;
  if (!first || !second || call.arguments.length !== 2) return false;
  const name = nameOf(script, code, first);
  // The value is read only for a name that hardens (most setProperty calls of a CPI script set message properties).
  const on = () => booleanOf(script, code, second);
  switch (call.method) {
    case 'setFeature':
      return (isDisallowDoctype(name) && on() === true) || (isExternalGeneralEntities(name) && on() === false);
    case 'setProperty':
      if ((isSupportDtd(name) || isExternalEntitiesSupport(name)) && on() === false) return true;
      return isAccessExternalDtd(name) && literalValue(code, second)?.value === '';
    case 'setAttribute':
      return isAccessExternalDtd(name) && literalValue(code, second)?.value === '';
    default:
      return false;
  }
}

function factoryKind(call: CallSite): FactoryKind | undefined {
  if (call.isNew) return call.method === 'SAXReader' ? 'SAXReader' : undefined;
  // The method first: the receiver's path is built when read, and most calls are no factory's.
  if (!FACTORY_METHODS.has(call.method)) return undefined;
  const path = call.receiver?.path;
  const owner = path?.[path.length - 1];
  if (!owner || !FACTORY_KINDS.has(owner)) return undefined;
  return owner as FactoryKind;
}

/** A factory kind, or Groovy's XmlSlurper/XmlParser, whose hardening concerns no factory. */
type ParserKind = FactoryKind | 'slurper';

/** The kind of parser a hardening call is made on, when the script says so. */
function receiverKind(call: CallSite, variables: ReadonlyMap<string, ParserKind>): ParserKind | undefined {
  const path = call.receiver?.path;
  if (!path) return undefined;
  const last = path[path.length - 1];
  if (/^new ([\w.]+\.)?Xml(Slurper|Parser)\(\)$/.test(last)) return 'slurper';
  if (/^new ([\w.]+\.)?SAXReader\(\)$/.test(last)) return 'SAXReader';
  if (path.length === 1) return variables.get(last);
  const created = last.replace(/\(\)$/, '');
  const owner = path[path.length - 2];
  if (FACTORY_METHODS.has(created) && FACTORY_KINDS.has(owner)) return owner as FactoryKind;
  return undefined;
}

/** The statement that turns DOCTYPE processing off for a factory of this kind. */
function hardeningStatement(kind: FactoryKind, variable: string): string {
  switch (kind) {
    case 'XMLInputFactory':
      return `${variable}.setProperty("javax.xml.stream.supportDTD", false)`;
    case 'TransformerFactory':
      return `${variable}.setAttribute("${ACCESS_EXTERNAL_DTD}", "")`;
    case 'SchemaFactory':
      return `${variable}.setProperty("${ACCESS_EXTERNAL_DTD}", "")`;
    default:
      return `${variable}.setFeature("${DISALLOW_DOCTYPE}", true)`;
  }
}

function factoryFix(script: ScriptModel, factory: Factory): ScriptFix | undefined {
  if (!factory.variable || factory.code !== script.code) return undefined;
  const statement = statementAround(factory.code, factory.call.name);
  const { start, end } = spanOffsets(factory.code, statement);
  const semicolon = script.language === 'javascript' ? ';' : '';
  const line = hardeningStatement(factory.kind, factory.variable);
  const edit: ScriptEdit = {
    kind: 'insert',
    at: end + (script.text[end] === ';' ? 1 : 0),
    text: `${lineBreakOf(script.text)}${indentationAt(script.text, start)}${line}${semicolon}`,
  };
  return { title: `Insert ${line} after the factory is created`, preferred: true, edits: [edit] };
}

/** The calls the rule looks at are made on or named by one of these: a block using none of them holds none. */
const TRIGGERS = triggerNames(['SAXReader', ...SLURPERS, ...FACTORY_KINDS, 'setFeature', 'setProperty', 'setAttribute']);

/** What a finding is about: a parser factory, a slurper, or a setFeature call. Hardening setters alone (setProperty is everywhere in CPI scripts) report nothing. */
const REPORTED = triggerNames(['SAXReader', ...SLURPERS, ...FACTORY_KINDS, 'setFeature']);

/** The methods and created classes of the calls the rule looks at (a block's other calls are never looked for). */
const LOOKED_AT = indexedTexts(['SAXReader', ...FACTORY_METHODS, ...SLURPERS, 'setFeature', 'setProperty', 'setAttribute']);

function check(script: ScriptModel, report: (found: ScriptReport) => void): void {
  if (!codeBlocks(script).some(({ code }) => usesAny(code, REPORTED))) return;
  const factories: Factory[] = [];
  const hardened = new Set<FactoryKind>();
  let hardenedUnknown = false;
  const setters: { call: CallSite; code: ScriptCode }[] = [];
  const variables = new Map<string, ParserKind>();

  for (const { code } of codeBlocks(script)) {
    if (!usesAny(code, TRIGGERS)) continue;
    for (const call of callIndex(code, script.language).named(LOOKED_AT)) {
      const kind = factoryKind(call);
      if (kind) {
        const variable = assignedCallName(code, call)?.name;
        if (variable) variables.set(variable, kind);
        factories.push({ kind, call, code, variable });
        continue;
      }
      if (call.isNew && SLURPERS.has(call.method)) {
        const variable = assignedCallName(code, call)?.name;
        if (variable) variables.set(variable, 'slurper');
        const third = call.arguments[2];
        if (call.arguments.length === 3 && booleanOf(script, code, third) === true) {
          const second = call.arguments[1];
          const remove: ScriptEdit = { kind: 'replace', start: spanOffsets(code, second).end, end: spanOffsets(code, third).end, text: '' };
          report({
            at: code.tokens[call.start],
            to: code.tokens[call.end - 1],
            message: `${call.method} is created with allowDocTypeDeclaration true: it reads DOCTYPE declarations and so can resolve external entities (XXE).`,
            fixes: [
              { title: `Drop the third argument (${call.method} then refuses DOCTYPE declarations)`, preferred: true, edits: [remove] },
            ],
          });
        }
        continue;
      }
      if (call.method === 'setFeature' || call.method === 'setProperty' || call.method === 'setAttribute') setters.push({ call, code });
    }
  }

  for (const { call, code } of setters) {
    if (hardens(script, code, call)) {
      const kind = receiverKind(call, variables);
      if (kind === 'slurper') continue;
      if (kind) hardened.add(kind);
      else hardenedUnknown = true;
      continue;
    }
    const [first, second] = call.arguments;
    if (
      call.method === 'setFeature' &&
      call.arguments.length === 2 &&
      isDisallowDoctype(nameOf(script, code, first)) &&
      booleanOf(script, code, second) === false
    ) {
      const value = spanOffsets(code, second);
      report({
        at: code.tokens[call.start],
        to: code.tokens[call.end - 1],
        message: 'disallow-doctype-decl is set to false: the parser reads DOCTYPE declarations and so can resolve external entities (XXE).',
        fixes: [
          {
            title: 'Set disallow-doctype-decl to true',
            preferred: true,
            edits: [{ kind: 'replace', start: value.start, end: value.end, text: 'true' }],
          },
        ],
      });
    }
  }

  // A hardening call on a parser the script does not name could be on any of its factories: give them the benefit of the doubt.
  if (hardenedUnknown) return;
  for (const factory of factories) {
    if (hardened.has(factory.kind)) continue;
    const fix = factoryFix(script, factory);
    report({
      at: factory.code.tokens[factory.call.start],
      to: factory.code.tokens[factory.call.end - 1],
      message: `${factory.kind} is created without switching off DOCTYPE processing (no hardening call for a ${factory.kind} anywhere in the script): parsing untrusted XML can resolve external entities (XXE).`,
      ...(fix ? { fixes: [fix] } : {}),
    });
  }
}

export const checks: RuleChecks = {
  script: { check },
};
