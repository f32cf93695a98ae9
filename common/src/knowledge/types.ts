// Shapes of the knowledge base: FAQ answers, rule explanations and short
// notes on iFlow keys. Plain data so hovers, the FAQ view, the CLI and the
// offline docs can all render it their own way.

export type FaqCategory =
  | 'users-and-roles'
  | 'certificates'
  | 'network-and-ports'
  | 'connectivity'
  | 'support-and-landscape'
  /** Our own guidance on Groovy and JavaScript in Script steps (not part of SAP's FAQ). */
  | 'scripting';

/** A further page on SAP Help (or sap.com). */
export interface DocLink {
  readonly title: string;
  readonly url: string;
}

/**
 * One answer of SAP's Cloud Integration security FAQ, retold in our words, or
 * one entry of our own guidance built on SAP's documentation.
 */
export interface FaqEntry {
  /** The section id of the FAQ page (the anchor after `__`); our guidance has ids of its own. */
  readonly id: string;
  /** SAP's security FAQ retold, or our own guidance (its helpUrl is the SAP page it rests on). */
  readonly source: 'sap-faq' | 'our-guidance';
  readonly question: string;
  /** Markdown. */
  readonly answer: string;
  readonly category: FaqCategory;
  readonly helpUrl: string;
  /** Rules whose metadata cites this answer (derived, never written here). */
  readonly relatedRules: readonly string[];
  /** iFlow property keys the answer sheds light on. */
  readonly iflowKeys: readonly string[];
  readonly links: readonly DocLink[];
}

export type SampleLanguage = 'xml' | 'properties' | 'json' | 'text';

/** A short snippet shown as a fenced block. */
export interface CodeSample {
  readonly language: SampleLanguage;
  readonly code: string;
}

/** A rule's explanation as its folder holds it. Text fields are markdown. */
export interface RuleExplanation {
  readonly what: string;
  readonly why: string;
  readonly fix: string;
  readonly before: CodeSample;
  readonly after: CodeSample;
  readonly sapPages: readonly DocLink[];
}

/** The explanation that ships with a rule, with what its metadata adds. */
export interface RuleDoc extends RuleExplanation {
  readonly ruleId: string;
  /** FAQ section ids (the rule's metadata). */
  readonly faq: readonly string[];
}

/** What a security-relevant iFlow key means. */
export interface KeyExplanation {
  /** One to three sentences. */
  readonly summary: string;
  readonly faq?: string;
  readonly rules: readonly string[];
}
