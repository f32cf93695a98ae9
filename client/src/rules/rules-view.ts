// The Rules tree: every rule by section with the severity in force for the
// file in the active editor (or the first workspace folder), as the server
// computes it from defaults, .cpisecurity.json and settings.
import * as vscode from 'vscode';
import { RULES } from '@cpi/common/rules/catalogue';
import { Commands, type EffectiveRulesResult } from '@cpi/common/protocol';
import type { ServerConnection } from '../server-connection';
import { Debounced } from '../debounced';
import { severityIcon } from '../severity-icon';
import { groupRules, ruleContextValue, ruleRows, rulesMatching, type RuleRow, type RuleSectionGroup } from './rules-model';

export const RULES_VIEW_ID = 'cpiSecurity.rules';

export type RuleNode = { readonly kind: 'section'; readonly group: RuleSectionGroup } | { readonly kind: 'rule'; readonly row: RuleRow };

export class RulesView implements vscode.TreeDataProvider<RuleNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<RuleNode>;
  private rows: RuleRow[] = ruleRows(RULES, undefined);
  private result: EffectiveRulesResult | undefined;
  private only: ReadonlySet<string> | undefined;
  private pending: Promise<void> | undefined;
  private readonly refreshLater = new Debounced(() => void this.refresh(), 200);
  private readonly disposables: vscode.Disposable[] = [];
  /** Last file shown in an editor (previews and output panes do not count). */
  private lastFile: vscode.Uri | undefined = fileOf(vscode.window.activeTextEditor);

  constructor(private readonly server: ServerConnection) {
    this.view = vscode.window.createTreeView(RULES_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    void vscode.commands.executeCommand('setContext', 'cpiSecurity.rulesFiltered', false);
    const watcher = vscode.workspace.createFileSystemWatcher('**/.cpisecurity.json');
    this.disposables.push(
      this.refreshLater,
      watcher,
      watcher.onDidChange(() => this.refreshLater.schedule()),
      watcher.onDidCreate(() => this.refreshLater.schedule()),
      watcher.onDidDelete(() => this.refreshLater.schedule()),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        const file = fileOf(editor);
        if (file === undefined || file.toString() === this.lastFile?.toString()) return;
        this.lastFile = file;
        this.refreshLater.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('cpiSecurity.rules')) this.refreshLater.schedule();
      }),
      this.view.onDidChangeVisibility((event) => {
        if (event.visible) this.refreshLater.schedule();
      }),
      // The first status after a (re)start means the server can answer now.
      server.onStatus(() => {
        if (this.result === undefined) this.refreshLater.schedule();
      }),
      this.view,
      this.changed,
    );
  }

  getTreeItem(node: RuleNode): vscode.TreeItem {
    if (node.kind === 'section') {
      const item = new vscode.TreeItem(vscode.l10n.t(node.group.label), vscode.TreeItemCollapsibleState.Expanded);
      item.id = `rule-section:${node.group.section}`;
      item.description = String(node.group.rules.length);
      item.contextValue = 'ruleSection';
      return item;
    }
    const { row } = node;
    const item = new vscode.TreeItem(row.title, vscode.TreeItemCollapsibleState.None);
    item.id = `rule:${row.id}`;
    item.description = describeSeverity(row);
    item.iconPath = severityIcon(row.severity);
    item.tooltip = new vscode.MarkdownString(
      `**${row.title}**\n\n\`${row.id}\` · ${describeSeverity(row)}\n\n${vscode.l10n.t('Default: {0}', row.defaultSeverity)}`,
    );
    item.contextValue = ruleContextValue(row);
    item.command = { title: vscode.l10n.t('Explain Rule'), command: Commands.explainRule, arguments: [row.id] };
    return item;
  }

  getChildren(node?: RuleNode): RuleNode[] {
    if (node === undefined) return groupRules(this.rows, this.only).map((group) => ({ kind: 'section' as const, group }));
    return node.kind === 'section' ? node.group.rules.map((row) => ({ kind: 'rule' as const, row })) : [];
  }

  /** The last answer of the server (configuration file in force), if any. */
  lastResult(): EffectiveRulesResult | undefined {
    return this.result;
  }

  /** Asks the server again; resolves once the rows are up to date. */
  refresh(): Promise<void> {
    this.pending ??= this.load().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  async currentRows(): Promise<RuleRow[]> {
    await this.refresh();
    return this.rows;
  }

  /** Shows only these rules (for "Show related rules"); `label` says why. */
  showOnly(ids: readonly string[], label: string): void {
    this.filterText = '';
    this.only = new Set(ids);
    this.view.message = vscode.l10n.t('Rules related to: {0}', label);
    void vscode.commands.executeCommand('setContext', 'cpiSecurity.rulesFiltered', true);
    this.changed.fire();
  }

  /** Shows only the rules whose id or title holds every word of `text`; blank shows all. */
  filterBy(text: string): void {
    if (text.trim() === '') return this.clearFilter();
    this.showOnly(rulesMatching(this.rows, text), text.trim());
    this.filterText = text.trim();
    this.view.message = vscode.l10n.t('Rules matching "{0}"', this.filterText);
  }

  /** The text of the current search, for the input box. */
  currentFilter(): string {
    return this.filterText;
  }

  private filterText = '';

  clearFilter(): void {
    this.filterText = '';
    this.only = undefined;
    this.view.message = undefined;
    void vscode.commands.executeCommand('setContext', 'cpiSecurity.rulesFiltered', false);
    this.changed.fire();
  }

  /** Where the shown severities apply (see configTarget). */
  target(): vscode.Uri | undefined {
    return configTarget(this.lastFile);
  }

  private async load(): Promise<void> {
    const target = this.target();
    const result = target === undefined ? undefined : await this.server.effectiveRules(target);
    this.result = result;
    this.rows = ruleRows(RULES, result?.rules);
    this.view.description = result === undefined ? undefined : describeConfig(result);
    this.changed.fire();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/**
 * The file whose configuration applies: the last file editor inside the
 * workspace, else (a file directly in) the first workspace folder. The server
 * resolves a URI as a file, so a folder is named through a file inside it.
 */
export function configTarget(lastFile: vscode.Uri | undefined): vscode.Uri | undefined {
  if (lastFile !== undefined && vscode.workspace.getWorkspaceFolder(lastFile) !== undefined) return lastFile;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (folder !== undefined) return vscode.Uri.joinPath(folder, '.cpisecurity.json');
  return lastFile;
}

function fileOf(editor: vscode.TextEditor | undefined): vscode.Uri | undefined {
  const uri = editor?.document.uri;
  return uri?.scheme === 'file' ? uri : undefined;
}

function describeSeverity(row: RuleRow): string {
  switch (row.origin) {
    case 'configuration':
      return vscode.l10n.t('{0} · .cpisecurity.json', row.severity);
    case 'settings':
      return vscode.l10n.t('{0} · settings', row.severity);
    default:
      return vscode.l10n.t('{0} · default', row.severity);
  }
}

function describeConfig(result: EffectiveRulesResult): string {
  const name = vscode.workspace.asRelativePath(vscode.Uri.parse(result.configUri));
  return result.configExists ? name : vscode.l10n.t('no {0}', name);
}
