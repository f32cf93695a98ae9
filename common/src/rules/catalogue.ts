import type { Severity } from '../findings';
import type { RuleExplanation } from '../knowledge/types';
// The one import of common/ from server/src (allowed by the lint for this
// file alone): the list the build writes of the rule folders' meta.ts and
// explanation.ts, which themselves import nothing but @cpi/common.
import { RULE_FOLDERS } from '../../../server/src/core/rules/catalogue.generated';

// The rules as users see them, shared by the editor's client and the server.
// Each rule's metadata and explanation live in its folder
// (server/src/core/rules/<rule-id>/meta.ts, explanation.ts). The ids are a
// public contract (configuration, SARIF, suppressions, baselines).

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
  /**
   * Only a tenant scan can raise it: it compares channels with the tenant's
   * security material, or checks that material itself. Local files never show it.
   */
  readonly tenantOnly?: boolean;
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

const EXPLANATIONS = new Map(RULE_FOLDERS.map(({ meta, explanation }) => [meta.id, explanation]));

/** What the rule's folder says about it (what, why, how to fix); see knowledge/rule-docs for the rendered page. */
export function ruleExplanation(id: string): RuleExplanation | undefined {
  return EXPLANATIONS.get(id);
}
