// The Findings tree: this extension's diagnostics across the workspace,
// grouped by rule or by file. It follows the Problems data, so it shows what
// the server published for open (and scanned) files, and the last tenant
// scans' findings (cpi-tenant:// files, labelled with their tenant's host).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SEVERITIES } from '@cpi/common/findings';
import { ruleMeta } from '@cpi/common/rules/catalogue';
import { DIAGNOSTIC_SOURCE } from '@cpi/common/protocol';
import { Debounced } from '../debounced';
import { severityIcon } from '../severity-icon';
import {
  CONFIGURATION_KEY,
  findingFile,
  findingLabel,
  groupFindings,
  ruleOfCode,
  totalCount,
  type FindingGroup,
  type FindingRecord,
  type GroupBy,
  type SeverityNumber,
} from './findings-model';

export const FINDINGS_VIEW_ID = 'cpiSecurity.findings';
const GROUP_SETTING = 'findings.groupBy';

export type FindingNode =
  | { readonly kind: 'group'; readonly group: FindingGroup }
  | { readonly kind: 'finding'; readonly record: FindingEntry; readonly copies: readonly FindingEntry[] };

interface FindingEntry extends FindingRecord {
  readonly range: vscode.Range;
  readonly by: GroupBy;
}

/** A diagnostic severity number (0 error … 3 hint) as its icon. */
const SEVERITY_ICONS: readonly vscode.ThemeIcon[] = SEVERITIES.map((severity) => severityIcon(severity));

export class FindingsView implements vscode.TreeDataProvider<FindingNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<FindingNode>;
  private by: GroupBy = readGroupBy();
  private groups: FindingGroup[] = [];
  private readonly updateLater = new Debounced(() => this.update(), 300);
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.view = vscode.window.createTreeView(FINDINGS_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.updateLater,
      vscode.languages.onDidChangeDiagnostics(() => this.updateLater.schedule()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`cpiSecurity.${GROUP_SETTING}`)) {
          this.by = readGroupBy();
          this.update();
        }
      }),
      this.view,
      this.changed,
    );
    this.update();
  }

  getTreeItem(node: FindingNode): vscode.TreeItem {
    return node.kind === 'group' ? groupItem(node.group) : findingItem(node.record, node.copies.length);
  }

  getChildren(node?: FindingNode): FindingNode[] {
    if (node === undefined) return this.groups.map((group) => ({ kind: 'group' as const, group }));
    if (node.kind === 'finding') return node.copies.map((copy) => ({ kind: 'finding' as const, record: copy, copies: [] }));
    return node.group.findings.map((row) => ({
      kind: 'finding' as const,
      record: row as unknown as FindingEntry,
      copies: row.copies as readonly FindingEntry[],
    }));
  }

  groupBy(): GroupBy {
    return this.by;
  }

  /** Switches the grouping and remembers it in the user settings. */
  async setGroupBy(by: GroupBy): Promise<void> {
    this.by = by;
    this.update();
    await vscode.workspace.getConfiguration('cpiSecurity').update(GROUP_SETTING, by, vscode.ConfigurationTarget.Global);
  }

  /** Current findings, read afresh (not waiting for the debounce). */
  currentFindings(): readonly FindingRecord[] {
    return collectFindings();
  }

  private update(): void {
    this.groups = groupFindings(
      collectFindings().map((record) => ({ ...record, by: this.by })),
      this.by,
    );
    const total = totalCount(this.groups);
    this.view.badge =
      total === 0 ? undefined : { value: total, tooltip: total === 1 ? vscode.l10n.t('1 finding') : vscode.l10n.t('{0} findings', total) };
    void vscode.commands.executeCommand('setContext', 'cpiSecurity.findingsGroupBy', this.by);
    this.changed.fire();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function readGroupBy(): GroupBy {
  return vscode.workspace.getConfiguration('cpiSecurity').get<string>(GROUP_SETTING) === 'file' ? 'file' : 'rule';
}

/** This extension's diagnostics across the workspace, as findings records. */
export function collectFindings(): FindingEntry[] {
  const records: FindingEntry[] = [];
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      records.push({
        rule: ruleOfCode(diagnostic.code),
        uri: uri.toString(),
        file: findingFile(uri.toString(), () => vscode.workspace.asRelativePath(uri)),
        message: diagnostic.message,
        severity: diagnostic.severity as SeverityNumber,
        line: diagnostic.range.start.line,
        character: diagnostic.range.start.character,
        range: diagnostic.range,
        by: 'rule',
        ...aboutOf(diagnostic),
        related: diagnostic.relatedInformation?.map((related) => ({
          uri: related.location.uri.toString(),
          line: related.location.range.start.line,
          character: related.location.range.start.character,
        })),
      });
    }
  }
  return records;
}

/** The subject and channel the server puts in a diagnostic's data (the language client keeps `data`). */
function aboutOf(diagnostic: vscode.Diagnostic): { subject?: string; channel?: string } {
  const data = (diagnostic as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return {};
  const { subject, channel } = data as { subject?: unknown; channel?: unknown };
  return { ...(typeof subject === 'string' ? { subject } : {}), ...(typeof channel === 'string' ? { channel } : {}) };
}

function groupItem(group: FindingGroup): vscode.TreeItem {
  const count = String(group.findings.length);
  if (group.by === 'rule') {
    const title = group.key === CONFIGURATION_KEY ? vscode.l10n.t('Configuration problems') : ruleMeta(group.key)?.title;
    const item = new vscode.TreeItem(
      group.key === CONFIGURATION_KEY ? vscode.l10n.t('Configuration') : group.key,
      vscode.TreeItemCollapsibleState.Expanded,
    );
    item.id = `findings-rule:${group.key}`;
    item.description = title === undefined ? count : `${count} · ${title}`;
    item.iconPath = SEVERITY_ICONS[group.severity];
    item.contextValue = group.key === CONFIGURATION_KEY ? 'findingGroup' : 'findingRule';
    return item;
  }
  const uri = vscode.Uri.parse(group.key);
  const file = group.findings[0]?.file ?? uri.path;
  const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `findings-file:${group.key}`;
  item.label = path.posix.basename(file);
  const folder = path.posix.dirname(file);
  item.description = folder === '.' ? count : `${count} · ${folder}`;
  item.iconPath = vscode.ThemeIcon.File;
  item.contextValue = 'findingFile';
  return item;
}

/** A finding row: its subject, with the rule and place beside it and the message in the tooltip. */
function findingItem(record: FindingEntry, copies: number): vscode.TreeItem {
  const item = new vscode.TreeItem(
    findingLabel(record),
    copies > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
  );
  const line = vscode.l10n.t('line {0}', record.line + 1);
  const rule = record.rule === CONFIGURATION_KEY ? '' : `${record.rule} · `;
  item.description = record.by === 'rule' ? `${rule}${record.file}:${record.line + 1}` : `${rule}${line}`;
  item.tooltip = `${record.message}\n${record.file}:${record.line + 1}:${record.character + 1}`;
  item.iconPath = SEVERITY_ICONS[record.severity];
  item.contextValue = record.rule === CONFIGURATION_KEY ? 'finding' : 'finding.rule';
  item.command = {
    title: vscode.l10n.t('Go to Finding'),
    command: 'vscode.open',
    arguments: [vscode.Uri.parse(record.uri), { selection: record.range } satisfies vscode.TextDocumentShowOptions],
  };
  return item;
}

/** The rule id behind a Findings view node, for "Explain Rule". */
export function ruleOfFindingNode(node: FindingNode): string | undefined {
  const rule = node.kind === 'group' ? (node.group.by === 'rule' ? node.group.key : undefined) : node.record.rule;
  return rule === undefined || rule === CONFIGURATION_KEY ? undefined : rule;
}
