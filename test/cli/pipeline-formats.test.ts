import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import { formatMarkdown, TOP_FINDINGS } from '../../server/src/cli/formats/markdown';
import type { ReportedFinding, ScanReport } from '../../server/src/engine/report';
import { ensureBuilt, fixture, layout, removeFolder, runCli, runJson, tempFolder, write, writeOrderArtifact } from './support';

// The formats for pipelines: GitLab's Code Quality report checked against a
// schema written from GitLab's documented fields, and the markdown summary
// by its structure.

/**
 * GitLab's Code Quality report as its documentation describes it: an array of
 * issues with description, check_name, fingerprint, severity (info, minor,
 * major, critical, blocker) and location.path with location.lines.begin.
 */
const GITLAB_CODE_QUALITY_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    additionalProperties: false,
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        additionalProperties: false,
        properties: {
          path: { type: 'string', minLength: 1, not: { pattern: '^(/|[A-Za-z]:)' } },
          lines: {
            type: 'object',
            required: ['begin'],
            additionalProperties: false,
            properties: { begin: { type: 'integer', minimum: 1 } },
          },
        },
      },
    },
  },
};

interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

describe('cli pipeline formats', function () {
  let root: string;
  before(ensureBuilt);
  beforeEach(() => {
    root = tempFolder();
    writeOrderArtifact(root); // two cleartext-basic-auth errors
    write(root, layout('Partner (EU)').iflow('Partner Orders'), fixture('cleartext-http-endpoint/positive-literal', 'Partner Orders.iflw'));
  });
  afterEach(() => removeFolder(root));

  it('gitlab: a Code Quality report valid against the documented shape, one issue per finding', () => {
    const { report } = runJson(['.'], root);
    const run = runCli(['--format', 'gitlab', '.'], root);
    assert.equal(run.code, 1, run.stderr);
    const issues = JSON.parse(run.stdout) as GitlabIssue[];
    const validate = new Ajv({ allErrors: true }).compile(GITLAB_CODE_QUALITY_SCHEMA);
    assert.ok(validate(issues), JSON.stringify(validate.errors));
    assert.equal(issues.length, report.findings.length);
    assert.equal(new Set(issues.map((issue) => issue.fingerprint)).size, issues.length, 'fingerprints are unique');
    for (const [i, finding] of report.findings.entries()) {
      assert.equal(issues[i].check_name, finding.ruleId);
      assert.equal(issues[i].location.path, finding.path);
      assert.equal(issues[i].location.lines.begin, finding.line);
      assert.ok(issues[i].description.includes(finding.message));
      assert.equal(issues[i].severity, { error: 'critical', warning: 'major', information: 'minor', hint: 'info' }[finding.severity]);
    }
    assert.ok(
      issues.some((issue) => issue.severity === 'critical') && issues.some((issue) => issue.check_name === 'cleartext-http-endpoint'),
    );
  });

  it('gitlab: an empty array when nothing is found', () => {
    const clean = tempFolder();
    try {
      write(clean, layout('Clean').parameters, 'Greeting=hello\n');
      const run = runCli(['--format', 'gitlab', '.'], clean);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(JSON.parse(run.stdout), []);
    } finally {
      removeFolder(clean);
    }
  });

  it('markdown: verdict, counts by severity and by rule, findings linked to file and line', () => {
    const { report } = runJson(['.'], root);
    const run = runCli(['--format', 'markdown', '--fail-on', 'error', '.'], root);
    assert.equal(run.code, 1, run.stderr);
    const md = run.stdout;
    const lines = md.split('\n');
    assert.match(lines[0], /^## cpi-security-lint \d+\.\d+\.\d+/);
    assert.match(md, /:x: \*\*2 findings at or above error\*\* \(the check fails\)/);
    const errors = report.findings.filter((finding) => finding.severity === 'error').length;
    const warnings = report.findings.filter((finding) => finding.severity === 'warning').length;
    assert.ok(lines.includes(`| Error | ${errors} |`), md);
    assert.ok(lines.includes(`| Warning | ${warnings} |`), `${warnings}\n${md}`);

    // by rule: the rule's documentation link, its worst severity, its guideline, its count
    const basicRow = lines.find((line) => line.startsWith('| [`cleartext-basic-auth`](https://help.sap.com/'));
    assert.match(basicRow ?? '', /\| Error \| `USE_SECURE_AUTHENTICATION_METHODS` \| 2 \|$/);
    const httpCount = report.findings.filter((finding) => finding.ruleId === 'cleartext-http-endpoint').length;
    assert.ok(
      lines.some(
        (line) =>
          line.startsWith('| [`cleartext-http-endpoint`](https://help.sap.com/') &&
          line.endsWith(`| \`USE_SECURE_PROTOCOLS\` | ${httpCount} |`),
      ),
      md,
    );

    // every finding listed (fewer than the top limit), the most severe first, with a relative link
    const rows = lines.filter((line) => /^\| (Error|Warning|Info|Hint) \| \[/.test(line));
    assert.equal(rows.length, report.findings.length);
    assert.ok(rows[0].startsWith('| Error |'));
    const partner = report.findings.find((finding) => finding.ruleId === 'cleartext-http-endpoint')!;
    const target = `Partner%20%28EU%29/src/main/resources/scenarioflows/integrationflow/Partner%20Orders.iflw#L${partner.line}`;
    assert.ok(
      rows.some((row) => row.includes(`](${target})`)),
      rows.join('\n'),
    );
    // every table row has the columns of its header
    for (const line of lines.filter((candidate) => candidate.startsWith('|'))) {
      const columns = line.replace(/\\\|/g, '').split('|').length;
      assert.ok(columns === 4 || columns === 5 || columns === 6, line);
    }
  });

  it('markdown: --link-base makes the file links absolute, and is for markdown only', () => {
    const base = 'https://github.com/acme/cpi/blob/0123abc';
    const run = runCli(['--format', 'markdown', '--link-base', base, 'Partner (EU)'], root);
    const links = [...run.stdout.matchAll(/\]\((\S+#L\d+)\)/g)].map((match) => match[1]);
    assert.ok(links.length > 0, run.stdout);
    for (const link of links) assert.ok(link.startsWith(`${base}/Partner%20%28EU%29/src/main/resources/`), link);
    assert.equal(runCli(['--format', 'json', '--link-base', base], root).code, 2);
    assert.equal(runCli(['--format', 'markdown', '--link-base', 'not a url'], root).code, 2);
  });

  it('markdown: passes below the threshold and says so', () => {
    const run = runCli(['--format', 'markdown', '--fail-on', 'error', 'Partner (EU)'], root);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /:white_check_mark: \*\*No finding at or above error\*\*/);
  });

  it('markdown: a tenant location is shown as text, not as a link the page could not open', () => {
    const uri = 'cpi-tenant://tenant.example.com/Sales/Catalog/src/main/resources/scenarioflows/integrationflow/Product%20Catalog.iflw';
    const report: ScanReport = {
      root: '/r',
      scanned: [uri],
      findings: [
        {
          ruleId: 'receiver-auth-none',
          severity: 'warning',
          message: 'no authentication',
          path: uri,
          uri,
          range: { start: { line: 28, character: 0 }, end: { line: 28, character: 1 } },
          line: 29,
          column: 1,
          endLine: 29,
          endColumn: 2,
          related: [],
          fingerprint: 'f:1',
        },
      ],
      suppressed: [],
      fileErrors: [],
      notes: [],
    };
    for (const linkBase of [undefined, 'https://github.com/acme/cpi/blob/0123abc/']) {
      const md = formatMarkdown({ report, failOn: 'error', toolVersion: '1.2.3', ...(linkBase ? { linkBase } : {}) });
      const row = md.split('\n').find((line) => line.startsWith('| Warning | c'));
      assert.equal(row, `| Warning | ${uri}:29 | no authentication | \`receiver-auth-none\` |`, md);
    }
  });

  it('markdown: lists the top findings only, and neutralises markdown in messages', () => {
    const finding = (i: number): ReportedFinding => ({
      ruleId: 'receiver-auth-none',
      severity: i === 30 ? 'error' : 'warning',
      message: `Channel "a|b *c* <img src=x>" number ${i}`,
      path: 'Flows/x.iflw',
      uri: 'file:///Flows/x.iflw',
      range: { start: { line: i, character: 0 }, end: { line: i, character: 1 } },
      line: i + 1,
      column: 1,
      endLine: i + 1,
      endColumn: 2,
      related: [],
      fingerprint: `f${i}:1`,
    });
    const report: ScanReport = {
      root: '/r',
      scanned: ['Flows/x.iflw'],
      findings: Array.from({ length: 40 }, (_, i) => finding(i)),
      suppressed: [],
      fileErrors: [],
      notes: [],
    };
    const md = formatMarkdown({ report, failOn: 'error', toolVersion: '1.2.3' });
    const rows = md.split('\n').filter((line) => line.startsWith('| Error | [') || line.startsWith('| Warning | ['));
    assert.equal(rows.length, TOP_FINDINGS);
    assert.ok(rows[0].includes('number 30'), 'the error comes first');
    assert.match(md, new RegExp(`### Top ${TOP_FINDINGS} findings`));
    assert.match(md, new RegExp(`…and ${40 - TOP_FINDINGS} more`));
    assert.ok(rows[0].includes('a\\|b \\*c\\* &lt;img src=x&gt;'), rows[0]);
    assert.ok(!md.includes('<img'));
  });
});
