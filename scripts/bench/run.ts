// Speed and memory of the analysis core, measured outside the test suite:
//  1. edit latency: re-analysing a large iFlow after a one-character edit
//     (the language server does this on every change);
//  2. scan throughput over real iFlows (../shared/corpus when present),
//     compared with the bare XML parse (the physical limit).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { analyseArtifact } from '../../server/src/core/analysis/analyse-artifact';
import { parseIflow } from '../../server/src/core/analysis/parsed';
import { DEFAULT_CONFIG } from '../../server/src/core/config/model';

const TARGET_BYTES = Number(process.env.BENCH_IFLOW_BYTES ?? 5 * 1024 * 1024);

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

function largeIflow(bytes: number): string {
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

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function editLatency(): void {
  const text = largeIflow(TARGET_BYTES);
  const uri = 'file:///bench/src/main/resources/scenarioflows/integrationflow/Bench.iflw';
  const at = text.indexOf('https://backend1.');
  const times: number[] = [];
  for (let i = 0; i < 25; i++) {
    const edited = text.slice(0, at) + (i % 2 ? 'http' : 'https') + text.slice(at + 5);
    const started = performance.now();
    analyseArtifact({ iflows: [parseIflow(uri, edited)], config: DEFAULT_CONFIG });
    times.push(performance.now() - started);
  }
  const measured = times.slice(5); // the first runs warm up the JIT
  console.log(`edit latency, ${(text.length / 1024 / 1024).toFixed(1)} MB iFlow: p50 ${percentile(measured, 50).toFixed(1)} ms, p95 ${percentile(measured, 95).toFixed(1)} ms (target p95 < 50 ms)`);
  console.log(`heap after: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`);
}

function iflowsUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? iflowsUnder(path) : name.endsWith('.iflw') ? [path] : [];
  });
}

function throughput(): void {
  const corpus = join(__dirname, '..', '..', '..', 'shared', 'corpus');
  if (!existsSync(corpus)) {
    console.log('scan throughput: skipped (no ../shared/corpus)');
    return;
  }
  const texts = iflowsUnder(corpus).map((path) => readFileSync(path, 'utf8'));
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const time = (work: () => void) => {
    work();
    const started = performance.now();
    for (let pass = 0; pass < 3; pass++) work();
    return (performance.now() - started) / 3;
  };
  const bare = time(() => {
    for (const text of texts) {
      const parser = new SaxesParser({ xmlns: false, position: true });
      let count = 0;
      parser.on('opentag', () => count++);
      parser.on('error', () => undefined);
      parser.write(text).close();
    }
  });
  const full = time(() => {
    for (const text of texts) analyseArtifact({ iflows: [parseIflow('file:///c/a.iflw', text)], config: DEFAULT_CONFIG });
  });
  const mbps = (ms: number) => (bytes / 1024 / 1024 / (ms / 1000)).toFixed(1);
  console.log(`scan throughput over ${texts.length} iFlows (${(bytes / 1024 / 1024).toFixed(1)} MB): analysis ${mbps(full)} MB/s, bare parse ${mbps(bare)} MB/s (${((bare / full) * 100).toFixed(0)}% of the limit)`);
}

editLatency();
throughput();
