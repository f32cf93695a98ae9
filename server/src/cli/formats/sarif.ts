// SARIF 2.1.0 for code-scanning services: the whole rule catalogue as
// tool.driver.rules, one result per finding (suppressed ones carry their
// suppression), file paths relative to the scan root (uriBaseId SRCROOT),
// tenant locations relative to cpi-tenant://<host>/ (uriBaseId TENANTROOT),
// and files that could not be scanned, were skipped for their size or on
// which a rule failed as tool execution notifications.
import { pathToFileURL } from 'node:url';
import type { Severity } from '@cpi/common/findings';
import { RULES } from '@cpi/common/rules/catalogue';
import { sarifUri, tenantRoot } from '../../engine/uri';
import { EXECUTION_NOTE_KINDS, type FileNote, type ReportedFinding, type ReportedLocation } from '../../engine/report';
import { TOOL_NAME } from '../version';
import type { FormatInput } from './format-input';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
/** GitHub code scanning ranks security results by this 0–10 score. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', information: '3.0', hint: '1.0' };
const FINGERPRINT_KEY = 'cpiSecurityLint/v1';
const ROOT_ID = 'SRCROOT';
/** Base of tenant locations: cpi-tenant://<host>/ (a second tenant in one report would get TENANTROOT2). */
const TENANT_ID = 'TENANTROOT';
/** Tag prefix of the SAP design guideline a rule enforces, so code-scanning services can filter by it. */
const GUIDELINE_TAG = 'sap-guideline/';

const RULE_INDEX = new Map(RULES.map((rule, index) => [rule.id, index]));

function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_all, _dash: string, letter: string) => letter.toUpperCase());
}

export function formatSarif({ report, toolVersion }: FormatInput): string {
  const tenants = new Map<string, string>(); // cpi-tenant://<host>/ -> its uriBaseId
  const artifactLocation = (uri: string) => {
    const tenant = tenantRoot(uri);
    if (tenant) {
      let id = tenants.get(tenant.root);
      if (id === undefined) tenants.set(tenant.root, (id = tenants.size === 0 ? TENANT_ID : `${TENANT_ID}${tenants.size + 1}`));
      return { uri: tenant.path, uriBaseId: id };
    }
    const located = sarifUri(uri, report.root);
    return located.relative ? { uri: located.uri, uriBaseId: ROOT_ID } : { uri: located.uri };
  };
  const physical = (location: ReportedLocation) => ({
    artifactLocation: artifactLocation(location.uri),
    region: { startLine: location.line, startColumn: location.column, endLine: location.endLine, endColumn: location.endColumn },
  });
  const result = (finding: ReportedFinding, suppression?: { reason: string; inSource?: boolean }) => {
    const index = RULE_INDEX.get(finding.ruleId);
    return {
      ruleId: finding.ruleId,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [{ physicalLocation: physical(finding) }],
      ...(finding.related.length > 0
        ? {
            relatedLocations: finding.related.map((related, i) => ({
              id: i + 1,
              physicalLocation: physical(related),
              message: { text: related.message ?? '' },
            })),
          }
        : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
      ...(suppression
        ? {
            suppressions: [{ kind: suppression.inSource ? 'inSource' : 'external', status: 'accepted', justification: suppression.reason }],
          }
        : {}),
    };
  };
  const notification = (note: FileNote) => {
    const ruleIndex = note.ruleId === undefined ? undefined : RULE_INDEX.get(note.ruleId);
    return {
      level: note.severity,
      message: { text: `${note.path}: ${note.message}` },
      descriptor: { id: note.kind },
      ...(note.ruleId !== undefined
        ? { associatedRule: { id: note.ruleId, ...(ruleIndex !== undefined ? { index: ruleIndex } : {}) } }
        : {}),
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(note.uri),
            ...(note.line !== undefined ? { region: { startLine: note.line, startColumn: note.column ?? 1 } } : {}),
          },
        },
      ],
    };
  };
  const execution = report.notes.filter((note) => EXECUTION_NOTE_KINDS.has(note.kind));
  const configuration = report.notes.filter((note) => !EXECUTION_NOTE_KINDS.has(note.kind));

  // Locations first: they name the tenants that originalUriBaseIds lists.
  const results = [...report.findings.map((finding) => result(finding)), ...report.suppressed.map((entry) => result(entry.finding, entry))];
  const executionNotifications = [...report.fileErrors, ...execution].map(notification);
  const configurationNotifications = configuration.map(notification);

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: toolVersion,
            semanticVersion: toolVersion,
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: ruleName(rule.id),
              shortDescription: { text: rule.title },
              helpUri: rule.helpUrl,
              defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
              properties: {
                tags: ['security', rule.section, ...(rule.guideline ? [`${GUIDELINE_TAG}${rule.guideline}`] : [])],
                'security-severity': SECURITY_SEVERITY[rule.defaultSeverity],
                ...(rule.guideline ? { sapDesignGuideline: rule.guideline } : {}),
              },
            })),
          },
        },
        originalUriBaseIds: {
          [ROOT_ID]: { uri: pathToFileURL(`${report.root}/`).href },
          ...Object.fromEntries([...tenants].map(([root, id]) => [id, { uri: root }])),
        },
        invocations: [
          {
            // a rule that threw leaves the results incomplete
            executionSuccessful: !report.notes.some((note) => note.kind === 'rule-failure'),
            toolExecutionNotifications: executionNotifications,
            toolConfigurationNotifications: configurationNotifications,
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
