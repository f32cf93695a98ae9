// The benchmark's generated workloads (scripts/bench/workload): the same seed
// gives the same bytes, and the content has the shape the engine reads (the
// artifact layout, well-formed XML, placeholders backed by parameters.prop,
// settings that make rules fire). Small scale: 10 artifacts, small keys.
import * as assert from 'node:assert/strict';
import * as forge from 'node-forge';
import { SaxesParser } from 'saxes';
import { analyseArtifact } from '../../server/src/core/analysis/analyse-artifact';
import { parseIflow, parseParameters } from '../../server/src/core/analysis/parsed';
import { DEFAULT_CONFIG } from '../../server/src/core/config/model';
import { ADAPTER_VARIANTS } from '../../scripts/bench/workload/adapters';
import { planEdits } from '../../scripts/bench/measure/edit-plan';
import { seededRandom } from '../../scripts/bench/workload/prng';
import {
  BENCH_SEED,
  largeArtifact,
  workspaceFiles,
  type WorkloadFile,
  type WorkspaceOptions,
} from '../../scripts/bench/workload/workspace';

const SMALL: WorkspaceOptions = { seed: 7, artifacts: 10, totalBytes: 1024 * 1024, strongKeyBits: 512 };
const text = (file: WorkloadFile) => Buffer.from(file.bytes).toString('utf8');

function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: false });
  parser.on('error', (error) => errors.push(error.message));
  parser.write(xml).close();
  return errors;
}

function placeholders(xml: string): Set<string> {
  return new Set([...xml.matchAll(/\{\{([^}]+)\}\}/g)].map((match) => match[1]));
}

describe('benchmark workload generator', () => {
  let files: WorkloadFile[];
  before(function () {
    this.timeout(60_000);
    files = [...workspaceFiles(SMALL)];
  });

  it('gives identical files for the same seed and different ones for another seed', function () {
    this.timeout(60_000);
    const again = [...workspaceFiles(SMALL)];
    assert.deepEqual(
      again.map((f) => f.path),
      files.map((f) => f.path),
    );
    again.forEach((file, i) => assert.ok(Buffer.from(file.bytes).equals(Buffer.from(files[i].bytes)), `${file.path} differs`));
    const other = [...workspaceFiles({ ...SMALL, seed: 8 })];
    assert.notDeepEqual(other.filter((f) => f.path.endsWith('.iflw')).map(text), files.filter((f) => f.path.endsWith('.iflw')).map(text));
  });

  it('lays out each artifact as exported content: manifest, parameters.prop and one iFlow', () => {
    const iflows = files.filter((f) => f.path.endsWith('.iflw'));
    assert.equal(iflows.length, SMALL.artifacts);
    for (const iflow of iflows) {
      const match = /^([^/]+)\/src\/main\/resources\/scenarioflows\/integrationflow\/[^/]+\.iflw$/.exec(iflow.path);
      assert.ok(match, iflow.path);
      const paths = new Set(files.map((f) => f.path));
      assert.ok(paths.has(`${match[1]}/src/main/resources/parameters.prop`), `${match[1]} has no parameters.prop`);
      assert.ok(paths.has(`${match[1]}/META-INF/MANIFEST.MF`), `${match[1]} has no manifest`);
    }
  });

  it('writes well-formed iFlows whose placeholders parameters.prop defines', () => {
    for (const iflow of files.filter((f) => f.path.endsWith('.iflw'))) {
      const xml = text(iflow);
      assert.deepEqual(xmlErrors(xml), [], iflow.path);
      const folder = iflow.path.slice(0, iflow.path.indexOf('/'));
      const prop = files.find((f) => f.path === `${folder}/src/main/resources/parameters.prop`)!;
      const entries = parseParameters('file:///p/parameters.prop', text(prop)).file.entries;
      for (const name of placeholders(xml)) assert.ok(entries.has(name), `${iflow.path}: {{${name}}} not in parameters.prop`);
    }
  });

  it('comes to about the total size asked for, with certificate files that parse', () => {
    const total = files.reduce((sum, f) => sum + f.bytes.length, 0);
    assert.ok(total > SMALL.totalBytes * 0.8 && total < SMALL.totalBytes * 1.25, `total ${total}`);
    const certificates = files.filter((f) => /\.(pem|crt|cer)$/.test(f.path));
    assert.ok(
      certificates.some((f) => f.path.endsWith('.cer')) &&
        certificates.some((f) => f.path.endsWith('.crt')) &&
        certificates.some((f) => f.path.endsWith('.pem')),
    );
    const der = certificates.find((f) => f.path.endsWith('.cer'))!;
    const cert = forge.pki.certificateFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(der.bytes).toString('binary'))));
    assert.ok(cert.subject.getField('CN'));
  });

  it('builds a large iFlow with every adapter variant whose insecure settings make rules fire', function () {
    this.timeout(30_000);
    const large = largeArtifact(BENCH_SEED, { channels: 300, targetBytes: 1024 * 1024 });
    const xml = text(large.files[2]);
    assert.ok(xml.length >= 1024 * 1024);
    assert.equal(xml.match(/<bpmn2:messageFlow /g)?.length, 300);
    const full = text(largeArtifact(BENCH_SEED).files[2]);
    const variants = new Set(
      [...full.matchAll(/<key>ComponentType<\/key>\s*<value>([^<]*)<\/value>[\s\S]*?<key>direction<\/key>\s*<value>([^<]*)</g)].map(
        (m) => `${m[1]} ${m[2]}`,
      ),
    );
    assert.equal(variants.size, ADAPTER_VARIANTS, [...variants].join(', '));
    const result = analyseArtifact({
      iflows: [parseIflow('file:///w/A/src/main/resources/scenarioflows/integrationflow/Large.iflw', xml)],
      parameters: parseParameters('file:///w/A/src/main/resources/parameters.prop', text(large.files[1])),
      config: DEFAULT_CONFIG,
    });
    const rules = new Set(result.findings.map((f) => f.ruleId));
    for (const rule of [
      'cleartext-http-endpoint',
      'csrf-protection-disabled',
      'sftp-deprecated-algorithms',
      'amqp-without-tls',
      'mail-unencrypted',
    ])
      assert.ok(rules.has(rule), `no ${rule} among ${[...rules].join(', ')}`);
  });

  it('plans edits in pairs that leave the text as it was', () => {
    const xml = text(largeArtifact(BENCH_SEED, { channels: 60, targetBytes: 200_000 }).files[2]);
    let current = xml;
    const edits = planEdits(xml, 60, seededRandom(1));
    assert.equal(edits.length, 60);
    for (const edit of edits) current = current.slice(0, edit.offset) + edit.insert + current.slice(edit.offset + edit.remove);
    assert.equal(current, xml);
    assert.ok(edits.some((e) => e.kind === 'lt') && edits.some((e) => e.kind === 'scheme'));
  });
});
