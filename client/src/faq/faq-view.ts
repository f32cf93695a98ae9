// The Security FAQ tree: categories, then questions; a question opens its
// answer. A text filter narrows the questions.
import * as vscode from 'vscode';
import { answerExcerpt } from '@cpi/common/knowledge/excerpt';
import { ALL_FAQ_ENTRIES } from '@cpi/common/knowledge/faq';
import type { FaqCategory } from '@cpi/common/knowledge/types';
import { Commands } from '@cpi/common/protocol';
import { buildFaqTree, visibleQuestions, type FaqCategoryNode, type FaqNode, type FaqQuestionNode } from './faq-model';

export const FAQ_VIEW_ID = 'cpiSecurity.faq';

const CATEGORY_ICONS: Record<FaqCategory, string> = {
  'users-and-roles': 'account',
  certificates: 'lock',
  'network-and-ports': 'globe',
  connectivity: 'plug',
  'support-and-landscape': 'comment-discussion',
  scripting: 'code',
};

export class FaqView implements vscode.TreeDataProvider<FaqNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private filter = '';
  private tree: FaqCategoryNode[] = buildFaqTree(ALL_FAQ_ENTRIES);
  readonly view: vscode.TreeView<FaqNode>;

  constructor() {
    this.view = vscode.window.createTreeView(FAQ_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    void vscode.commands.executeCommand('setContext', 'cpiSecurity.faqFiltered', false);
  }

  getTreeItem(node: FaqNode): vscode.TreeItem {
    if (node.kind === 'category') {
      // Expanded while filtering so the matches are visible at once.
      const state = this.filter === '' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
      const item = new vscode.TreeItem(vscode.l10n.t(node.label), state);
      item.id = `faq-category:${node.category}:${this.filter === '' ? '' : 'filtered'}`;
      item.description = String(node.questions.length);
      item.iconPath = new vscode.ThemeIcon(CATEGORY_ICONS[node.category] ?? 'book');
      item.contextValue = 'faqCategory';
      return item;
    }
    const { entry } = node;
    const item = new vscode.TreeItem(entry.question, vscode.TreeItemCollapsibleState.None);
    item.id = `faq:${entry.id}`;
    // Not SAP's FAQ: our guidance, built on the SAP pages it links.
    if (entry.source === 'our-guidance') item.description = vscode.l10n.t('our guidance');
    item.iconPath = new vscode.ThemeIcon('question');
    item.tooltip = new vscode.MarkdownString(answerExcerpt(entry.answer));
    item.contextValue = entry.relatedRules.length > 0 ? 'faqQuestion.withRules' : 'faqQuestion';
    item.command = { title: vscode.l10n.t('Open Answer'), command: Commands.openFaq, arguments: [entry.id, false] };
    return item;
  }

  getChildren(node?: FaqNode): FaqNode[] {
    if (node === undefined) return this.tree;
    return node.kind === 'category' ? [...node.questions] : [];
  }

  getParent(node: FaqNode): FaqNode | undefined {
    if (node.kind === 'category') return undefined;
    return this.tree.find((category) => category.questions.some((question) => question.entry.id === node.entry.id));
  }

  currentFilter(): string {
    return this.filter;
  }

  setFilter(filter: string): void {
    this.filter = filter.trim();
    this.tree = buildFaqTree(ALL_FAQ_ENTRIES, this.filter);
    this.view.message = this.filter === '' ? undefined : vscode.l10n.t('Questions containing “{0}”', this.filter);
    void vscode.commands.executeCommand('setContext', 'cpiSecurity.faqFiltered', this.filter !== '');
    this.changed.fire();
  }

  questions(): FaqQuestionNode[] {
    return visibleQuestions(this.tree);
  }

  /** Selects a question in the tree, clearing a filter that hides it. */
  async reveal(faqId: string): Promise<void> {
    let node = this.questions().find((question) => question.entry.id === faqId);
    if (node === undefined && this.filter !== '') {
      this.setFilter('');
      node = this.questions().find((question) => question.entry.id === faqId);
    }
    if (node !== undefined) await this.view.reveal(node, { select: true, focus: false, expand: true });
  }

  dispose(): void {
    this.view.dispose();
    this.changed.dispose();
  }
}
