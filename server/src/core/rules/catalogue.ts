import type { Severity } from '../findings';
import { RULE_FOLDERS } from './catalogue.generated';

// The rules as users see them. Each rule's metadata lives in its folder
// (rules/<rule-id>/meta.ts); catalogue.generated.ts lists the folders. The
// ids are a public contract (configuration, SARIF, suppressions, baselines).

export type RuleSection = 'network' | 'authentication' | 'certificates' | 'scripts';

const SECTION_ORDER: readonly RuleSection[] = ['network', 'authentication', 'certificates', 'scripts'];

export interface RuleMeta {
  /** The folder's name. */
  readonly id: string;
  readonly title: string;
  readonly section: RuleSection;
  readonly defaultSeverity: Severity;
  /**
   * SAP Help page behind the rule (the diagnostic's codeDescription): a page
   * whose loio was checked against SAP's published doc sources (see
   * knowledge/sap-pages), otherwise the rule's first FAQ answer.
   */
  readonly helpUrl: string;
  /** FAQ section ids (knowledge/sap-help) the rule draws on; the FAQ lists its rules from these. */
  readonly faq: readonly string[];
  /** Id of the SAP Integration Suite design guideline the rule enforces, where there is one. */
  readonly guideline?: string;
}

/** Section by section, then by id: the order of the rules view, the docs, the schema and the runs. */
export function inCatalogueOrder<T extends { readonly meta: RuleMeta }>(entries: readonly T[]): T[] {
  const rank = (entry: T) => SECTION_ORDER.indexOf(entry.meta.section);
  return [...entries].sort((a, b) => rank(a) - rank(b) || (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
}

export const RULES: readonly RuleMeta[] = inCatalogueOrder(RULE_FOLDERS).map((folder) => folder.meta);

const BY_ID = new Map(RULES.map((meta) => [meta.id, meta]));

export function ruleMeta(id: string): RuleMeta | undefined {
  return BY_ID.get(id);
}

export function isRuleId(id: string): boolean {
  return BY_ID.has(id);
}
