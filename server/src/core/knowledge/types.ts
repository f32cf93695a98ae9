// Shapes of the knowledge base: FAQ answers, rule explanations and short
// notes on iFlow keys. Plain data so hovers, the FAQ view, the CLI and the
// offline docs can all render it their own way.

export type FaqCategory =
  | 'users-and-roles'
  | 'certificates'
  | 'network-and-ports'
  | 'connectivity'
  | 'support-and-landscape';

/** A further page on SAP Help (or sap.com). */
export interface DocLink {
  readonly title: string;
  readonly url: string;
}

/** One answer of SAP's Cloud Integration security FAQ, retold in our words. */
export interface FaqEntry {
  /** The section id of the FAQ page (the anchor after `__`). */
  readonly id: string;
  readonly question: string;
  /** Markdown. */
  readonly answer: string;
  readonly category: FaqCategory;
  readonly helpUrl: string;
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

/** The explanation that ships with a rule. Text fields are markdown. */
export interface RuleDoc {
  readonly ruleId: string;
  readonly what: string;
  readonly why: string;
  readonly fix: string;
  readonly before: CodeSample;
  readonly after: CodeSample;
  /** FAQ section ids. */
  readonly faq: readonly string[];
  readonly sapPages: readonly DocLink[];
}

/** What a security-relevant iFlow key means. */
export interface KeyExplanation {
  /** One to three sentences. */
  readonly summary: string;
  readonly faq?: string;
  readonly rules: readonly string[];
}
