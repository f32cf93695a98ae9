// Every command of the extension, wired to the views and the server. Ids the
// server refers to come from the shared protocol module; the rest are
// view actions used only from package.json menus.
import * as vscode from 'vscode';
import { faqEntry } from '@cpi/common/knowledge/faq';
import { ruleMeta } from '@cpi/common/rules/catalogue';
import { Commands, type SuppressFindingArgs } from '@cpi/common/protocol';
import { showCertificateDetails } from './certificates/certificate-details-editor';
import { ViewCommands } from './command-ids';
import { openDoc } from './docs/docs-provider';
import { openExample } from './examples/open-example';
import type { FaqNode } from './faq/faq-model';
import { FAQ_VIEW_ID, type FaqView } from './faq/faq-view';
import { ruleOfFindingNode, type FindingNode, type FindingsView } from './findings/findings-view';
import { pickRule } from './rules/pick-rule';
import { setSeverityCommand, severityRequest } from './rules/severity-command';
import { RULES_VIEW_ID, type RuleNode, type RulesView } from './rules/rules-view';
import type { ServerConnection } from './server-connection';
import { suppressFinding } from './suppress/suppress-command';
import { fixAllInEditor } from './fix-all';
import { addTenant, downloadArtifact, refreshTenant, removeTenant, scanTenant } from './tenants/tenant-commands';
import type { TenantSession } from './tenants/tenant-session';
import type { TenantNode, TenantsView } from './tenants/tenants-view';

export interface CommandContext {
  readonly extension: vscode.ExtensionContext;
  readonly server: ServerConnection;
  readonly log: vscode.LogOutputChannel;
  readonly faq: FaqView;
  readonly rules: RulesView;
  readonly findings: FindingsView;
  readonly tenants: TenantSession;
  readonly tenantsView: TenantsView;
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const { server, log, faq, rules, findings, tenants, tenantsView } = ctx;
  const register = vscode.commands.registerCommand.bind(vscode.commands);
  return [
    register(ViewCommands.addTenant, async () => {
      if (await addTenant(tenants, () => tenantsView.refresh())) tenantsView.refresh();
    }),
    register(ViewCommands.removeTenant, async (node?: TenantNode) => {
      await removeTenant(tenants, node);
      tenantsView.refresh();
    }),
    register(ViewCommands.refreshTenants, (node?: TenantNode) => refreshTenant(tenants, node)),
    register(ViewCommands.scanTenant, (node?: TenantNode) => scanTenant(tenants, node)),
    register(ViewCommands.downloadArtifact, (target?: TenantNode | string) => downloadArtifact(tenants, target)),
    register(Commands.showCertificateDetails, (target?: string | vscode.Uri) => showCertificateDetails(target)),
    register(Commands.restartServer, async () => {
      await server.restart();
      await rules.refresh();
    }),
    register(Commands.reanalyse, async () => {
      try {
        if (await server.reanalyse()) return;
      } catch (error) {
        log.error('Reanalysis failed', error);
      }
      void vscode.window.showWarningMessage(vscode.l10n.t('CPI Security Lint could not reanalyse; see the output for details.'));
    }),
    register(Commands.scanWorkspace, async () => {
      try {
        const result = await server.scanWorkspace();
        if (!result) {
          void vscode.window.showWarningMessage(vscode.l10n.t('CPI Security Lint is not running; restart it and try again.'));
        } else if (!result.cancelled) {
          void vscode.window.showInformationMessage(vscode.l10n.t('Scanned {0} files: {1} findings.', result.files, result.findings));
        }
        return result;
      } catch (error) {
        log.error('Workspace scan failed', error);
        void vscode.window.showWarningMessage(vscode.l10n.t('CPI Security Lint could not scan the workspace; see the output for details.'));
        return undefined;
      }
    }),
    register(Commands.showOutput, () => log.show(true)),
    register(Commands.openFaq, async (target?: unknown, reveal?: unknown) => {
      const id = faqIdOf(target);
      if (reveal !== false) await vscode.commands.executeCommand(`${FAQ_VIEW_ID}.focus`);
      if (id === undefined) return;
      if (faqEntry(id) === undefined) log.warn(`Unknown FAQ section ${id}`);
      else if (reveal !== false) await faq.reveal(id);
      await openDoc({ kind: 'faq', id }, log);
    }),
    register(Commands.explainRule, async (target?: unknown) => {
      const id = ruleIdOf(target) ?? (await pickRule(vscode.l10n.t('Explain which rule?')));
      if (id !== undefined) await openDoc({ kind: 'rule', id }, log);
    }),
    register(Commands.suppressFinding, (args?: SuppressFindingArgs) => suppressFinding(args, log)),
    register(Commands.setRuleSeverity, (target?: unknown, severity?: unknown) =>
      setSeverityCommand(severityRequest(target, severity), rules, server, log),
    ),
    register(ViewCommands.changeSeverity, (node?: RuleNode) => setSeverityCommand(severityRequest(node, undefined), rules, server, log)),
    register(ViewCommands.filterFaq, async () => {
      const filter = await vscode.window.showInputBox({
        title: vscode.l10n.t('Filter the Security FAQ'),
        prompt: vscode.l10n.t('Words that the question or answer must contain (empty clears the filter)'),
        value: faq.currentFilter(),
      });
      if (filter !== undefined) faq.setFilter(filter);
    }),
    register(ViewCommands.clearFaqFilter, () => faq.setFilter('')),
    register(ViewCommands.showRelatedRules, async (node?: FaqNode) => {
      const entry = node?.kind === 'question' ? node.entry : undefined;
      if (entry === undefined) return;
      rules.showOnly(entry.relatedRules, entry.question);
      await vscode.commands.executeCommand(`${RULES_VIEW_ID}.focus`);
    }),
    register(ViewCommands.clearRulesFilter, () => rules.clearFilter()),
    register(ViewCommands.fixAll, () => fixAllInEditor(log)),
    register(ViewCommands.filterRules, async () => {
      const text = await vscode.window.showInputBox({
        title: vscode.l10n.t('Search the Rules'),
        prompt: vscode.l10n.t('Words of the rule id or title (empty shows all rules)'),
        value: rules.currentFilter(),
      });
      if (text !== undefined) rules.filterBy(text);
    }),
    register(ViewCommands.refreshRules, () => rules.refresh()),
    register(ViewCommands.openOnSapHelp, async (node?: FaqNode | RuleNode) => {
      const url = helpUrlOf(node);
      if (url !== undefined) await vscode.env.openExternal(vscode.Uri.parse(url, true));
    }),
    register(ViewCommands.groupFindingsByFile, () => findings.setGroupBy('file')),
    register(ViewCommands.groupFindingsByRule, () => findings.setGroupBy('rule')),
    register(ViewCommands.openExample, () => openExample(ctx.extension.extensionUri)),
  ];
}

/** A FAQ id from a command argument: the id itself, a tree node, or `{ id }`. */
function faqIdOf(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (typeof target !== 'object' || target === null) return undefined;
  const record = target as { id?: unknown; entry?: { id?: unknown } };
  const id = record.entry?.id ?? record.id;
  return typeof id === 'string' ? id : undefined;
}

/** A rule id from a command argument: the id, a Rules or Findings node, `{ ruleId }` or a diagnostic-like `{ code }`. */
function ruleIdOf(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (typeof target !== 'object' || target === null) return undefined;
  const record = target as { kind?: unknown; row?: { id?: unknown }; ruleId?: unknown; code?: unknown };
  if (record.kind === 'rule' && typeof record.row?.id === 'string') return record.row.id;
  if (record.kind === 'group' || record.kind === 'finding') return ruleOfFindingNode(target as FindingNode);
  if (typeof record.ruleId === 'string') return record.ruleId;
  const code = typeof record.code === 'object' && record.code !== null ? (record.code as { value?: unknown }).value : record.code;
  return typeof code === 'string' ? code : undefined;
}

function helpUrlOf(node: FaqNode | RuleNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (node.kind === 'question') return node.entry.helpUrl;
  if (node.kind === 'rule') return ruleMeta(node.row.id)?.helpUrl;
  return undefined;
}
