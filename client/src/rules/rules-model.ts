// The Rules tree as data: the catalogue grouped by section, each rule with
// the severity in force for the active folder. Free of VS Code for testing.
import { isSeveritySetting } from '@cpi/common/config/rule-ids';
import type { SeveritySetting } from '@cpi/common/findings';
import type { RuleMeta, RuleSection } from '@cpi/common/rules/catalogue';
import type { EffectiveRule } from '@cpi/common/protocol';

export type SeverityOrigin = EffectiveRule['origin'];

export const RULE_SECTIONS: readonly { readonly id: RuleSection; readonly label: string }[] = [
  { id: 'network', label: 'Network and transport' },
  { id: 'authentication', label: 'Authentication and authorization' },
  { id: 'certificates', label: 'Certificates' },
  { id: 'scripts', label: 'Scripts (Groovy and JavaScript)' },
];

export interface RuleRow {
  readonly id: string;
  readonly title: string;
  readonly section: RuleSection;
  readonly severity: SeveritySetting;
  readonly origin: SeverityOrigin;
  readonly defaultSeverity: SeveritySetting;
}

export interface RuleSectionGroup {
  readonly section: RuleSection;
  readonly label: string;
  readonly rules: readonly RuleRow[];
}

/**
 * Rows for every catalogue rule; a rule the server did not report (or no
 * server answer at all) keeps its default severity.
 */
export function ruleRows(catalogue: readonly RuleMeta[], effective: readonly EffectiveRule[] | undefined): RuleRow[] {
  const byId = new Map((effective ?? []).map((rule) => [rule.id, rule]));
  return catalogue.map((meta) => {
    const found = byId.get(meta.id);
    return {
      id: meta.id,
      title: meta.title,
      section: meta.section,
      severity: found?.severity ?? meta.defaultSeverity,
      origin: found?.origin ?? 'default',
      defaultSeverity: meta.defaultSeverity,
    };
  });
}

/**
 * Ids of the rules whose id or title holds every word of `text`
 * (case-insensitive, any part of a word: "cert" finds all certificate rules).
 */
export function rulesMatching(rows: readonly RuleRow[], text: string): string[] {
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  return rows.filter((row) => words.every((word) => `${row.id}\n${row.title}`.toLowerCase().includes(word))).map((row) => row.id);
}

/** Rows grouped by section in catalogue order; `only` narrows to the given rule ids. Empty sections are left out. */
export function groupRules(rows: readonly RuleRow[], only?: ReadonlySet<string>): RuleSectionGroup[] {
  return RULE_SECTIONS.map((section) => ({
    section: section.id,
    label: section.label,
    rules: rows.filter((row) => row.section === section.id && (only === undefined || only.has(row.id))),
  })).filter((group) => group.rules.length > 0);
}

/** Menus tell rules apart by this: `rule.<severity>` and `.changed` when not the default. */
export function ruleContextValue(row: RuleRow): string {
  return `rule.${row.severity}${row.origin === 'default' ? '' : '.changed'}`;
}

/** Parses a severity typed or passed by a caller; undefined for anything else. */
export function asSeveritySetting(value: unknown): SeveritySetting | undefined {
  return isSeveritySetting(value) ? value : undefined;
}
