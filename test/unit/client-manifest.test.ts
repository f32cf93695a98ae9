import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parseConfig } from '../../server/src/core/config/parse';
import { readIflow } from '../../server/src/core/iflow/reader';
import { readParameters } from '../../server/src/core/params/properties';
import { Commands } from '@cpi/common/protocol';
import { ViewCommands } from '../../client/src/command-ids';

// The extension's contributions in package.json against the client code:
// commands, menus, views, localisation keys, snippets and walkthrough media.

const REPO = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(REPO, file), 'utf8');
const pkg = JSON.parse(read('package.json'));
const nls: Record<string, string> = JSON.parse(read('package.nls.json'));
const contributes = pkg.contributes;
const declared = new Set<string>(contributes.commands.map((command: { command: string }) => command.command));
const BUILT_IN = /^(vscode|workbench|editor)\./;

/** Snippet body with every placeholder replaced by its default (first choice, default text, nothing). */
function expand(body: string | string[]): string {
  let text = Array.isArray(body) ? body.join('\n') : body;
  text = text.replace(/\$\{CURRENT_YEAR\}/g, '2099');
  for (let round = 0; round < 5; round++) {
    text = text
      .replace(/\$\{\d+\|([^,|}]*)[^|]*\|\}/g, '$1')
      .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/\$\{\d+\}|\$\d+/g, '');
  }
  return text.replace(/\\(?=[$}\\])/g, '');
}

function snippets(file: string): Record<string, { prefix: string[]; body: string[]; description: string }> {
  return JSON.parse(read(file));
}

describe('client: package.json contributions', () => {
  it('gives view commands titles that say what they act on, for the command palette', () => {
    const objects: Record<string, RegExp> = { faq: /\bFAQ\b/, rules: /\bRules?\b/, findings: /\bFindings?\b/ };
    const hidden = new Set(
      (contributes.menus.commandPalette as { command: string; when?: string }[])
        .filter((entry) => entry.when === 'false')
        .map((entry) => entry.command),
    );
    for (const command of contributes.commands as { command: string; title: string }[]) {
      const view = /^cpiSecurity\.(faq|rules|findings)\./.exec(command.command)?.[1];
      if (view === undefined || hidden.has(command.command)) continue;
      const title = command.title.startsWith('%') ? nls[command.title.slice(1, -1)] : command.title;
      assert.match(title, objects[view], `${command.command}: "${title}"`);
    }
  });

  it('declares every command the client registers, and registers every declared command', () => {
    const source = read('client/src/commands.ts');
    const registered = new Set<string>();
    const commandIds: Record<string, string> = { ...Commands };
    const viewIds: Record<string, string> = { ...ViewCommands };
    for (const match of source.matchAll(/register\((Commands|ViewCommands)\.(\w+)/g)) {
      const id = (match[1] === 'Commands' ? commandIds : viewIds)[match[2]];
      assert.ok(id, `${match[1]}.${match[2]} is not defined`);
      registered.add(id);
    }
    assert.deepEqual([...registered].sort(), [...declared].sort());
    for (const id of Object.values(ViewCommands)) assert.ok(registered.has(id), id);
  });

  it('names only declared or built-in commands in menus, welcome content and walkthroughs', () => {
    const used: string[] = [];
    for (const items of Object.values(contributes.menus) as { command: string }[][]) used.push(...items.map((item) => item.command));
    const text = [...Object.values(nls), JSON.stringify(contributes.walkthroughs)].join('\n');
    for (const match of text.matchAll(/(?:command:|onCommand:)([\w.]+)/g)) used.push(match[1]);
    for (const id of used) assert.ok(declared.has(id) || BUILT_IN.test(id), `unknown command ${id}`);
  });

  it('uses only declared views in menus and welcome content', () => {
    const views = new Set<string>(
      Object.values(contributes.views)
        .flat()
        .map((view) => (view as { id: string }).id),
    );
    assert.deepEqual([...views].sort(), ['cpiSecurity.faq', 'cpiSecurity.findings', 'cpiSecurity.rules', 'cpiSecurity.tenants']);
    for (const welcome of contributes.viewsWelcome) assert.ok(views.has(welcome.view), welcome.view);
    const whens = Object.values(contributes.menus)
      .flat()
      .map((item) => (item as { when?: string }).when ?? '');
    for (const when of whens) for (const match of when.matchAll(/view == ([\w.]+)/g)) assert.ok(views.has(match[1]), match[1]);
  });

  it('has a translation for every %key% and no unused ones', () => {
    const keys = new Set([...read('package.json').matchAll(/"%([^"%]+)%"/g)].map((match) => match[1]));
    for (const key of keys) assert.ok(key in nls, `package.nls.json lacks ${key}`);
    for (const key of Object.keys(nls)) assert.ok(keys.has(key), `unused key ${key}`);
  });

  it('describes every setting in markdown with a scope; the grouping is per window', () => {
    const properties = contributes.configuration.properties;
    for (const [name, setting] of Object.entries(properties) as [string, { markdownDescription?: string; scope?: string }][]) {
      assert.ok(setting.markdownDescription, `${name} markdownDescription`);
      assert.ok(setting.scope, `${name} scope`);
    }
    assert.deepEqual(properties['cpiSecurity.findings.groupBy'].enum, ['rule', 'file']);
    assert.equal(properties['cpiSecurity.findings.groupBy'].scope, 'window');
  });

  it('ships the icon, walkthrough media and snippet files it names', () => {
    const svg = read(contributes.viewsContainers.activitybar[0].icon);
    assert.match(svg, /viewBox="0 0 24 24"/);
    assert.match(svg, /currentColor/);
    assert.equal(contributes.walkthroughs[0].steps.length, 4);
    for (const step of contributes.walkthroughs[0].steps)
      assert.ok(fs.existsSync(path.join(REPO, step.media.markdown)), step.media.markdown);
    for (const snippet of contributes.snippets) assert.ok(fs.existsSync(path.join(REPO, snippet.path)), snippet.path);
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
  });
});

describe('client: snippets', () => {
  it('starts a .cpisecurity.json that the schema and the parser accept', () => {
    const all = snippets('snippets/cpisecurity.json');
    const starter = Object.values(all).find((snippet) => snippet.prefix.includes('cpisecurity'));
    assert.ok(starter);
    const text = expand(starter.body);
    const ajv = new Ajv({ allErrors: true });
    ajv.addVocabulary(['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'defaultSnippets']);
    const validate = ajv.compile(JSON.parse(read('schemas/cpisecurity.schema.json')));
    assert.ok(validate(JSON.parse(text)), JSON.stringify(validate.errors));
    assert.deepEqual(parseConfig(text, 'file:///ws/.cpisecurity.json').problems, []);

    const suppression = Object.values(all).find((snippet) => snippet.prefix.includes('cpisecurity-suppression'));
    assert.ok(suppression);
    const withSuppression = `{ "suppressions": [${expand(suppression.body)}] }`;
    assert.ok(validate(JSON.parse(withSuppression)), JSON.stringify(validate.errors));
    const parsed = parseConfig(withSuppression, 'file:///ws/.cpisecurity.json');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.config.suppressions[0]?.expires, '2099-12-31');
  });

  it('writes parameters.prop entries whose values decode to the intended settings', () => {
    const values = new Map<string, string>();
    for (const snippet of Object.values(snippets('snippets/parameters.json'))) {
      const file = readParameters(expand(snippet.body));
      assert.deepEqual(file.problems ?? [], []);
      for (const entry of file.all) values.set(entry.key, entry.value.text);
    }
    assert.equal(values.get('Receiver_Address'), 'http://virtual-host:8080/path'); // the On-Premise snippet comes later
    assert.equal(values.get('Receiver_ProxyType'), 'sapcc');
    assert.equal(values.get('Mail_Server'), 'smtp.example.com:587');
    assert.equal(values.get('Mail_Protection'), 'starttls_mandatory');
    assert.equal(values.get('SFTP_Host'), 'sftp.example.com:22');
    const https = readParameters(expand(snippets('snippets/parameters.json')['HTTPS receiver address'].body));
    assert.equal(https.all[0]?.value.text, 'https://api.example.com/path');
  });

  it('writes iFlow properties that the reader takes as channel settings', () => {
    const expected: Record<string, string> = {
      proxyType: 'sapcc',
      locationID: 'location-id',
      httpAddressWithoutQuery: 'https://api.example.com/path',
      ssl: 'starttls_mandatory',
      xsrfProtection: '1',
      allowDeprecatedAlgorithms: '0',
    };
    const blocks = Object.values(snippets('snippets/iflow.json')).map((snippet) => expand(snippet.body));
    const iflow = [
      '<bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:ifl="http:///com.sap.ifl.model/Ifl.xsd">',
      '<bpmn2:collaboration id="C"><bpmn2:messageFlow id="M" sourceRef="A" targetRef="B"><bpmn2:extensionElements>',
      ...blocks,
      '</bpmn2:extensionElements></bpmn2:messageFlow></bpmn2:collaboration></bpmn2:definitions>',
    ].join('\n');
    const model = readIflow(iflow);
    assert.deepEqual(model.problems, []);
    const properties = model.channels[0]?.properties;
    assert.ok(properties);
    for (const [key, value] of Object.entries(expected)) assert.equal(properties.get(key)?.value?.text, value, key);
  });
});
