// What activate() returns: a small read-only view of the extension's state
// for the integration tests (and other extensions).
import type { CertificateDetailsEditor } from './certificates/certificate-details-editor';
import type { FaqView } from './faq/faq-view';
import type { FindingsView } from './findings/findings-view';
import type { RulesView } from './rules/rules-view';

/**
 * When the bundle began to evaluate: extension.ts imports this module first,
 * and it has no runtime imports of its own, so this runs before the rest.
 */
export const bundleStartedAt = performance.now();

export interface FaqItem {
  readonly id: string;
  readonly label: string;
  readonly category: string;
}

export interface RuleItem {
  readonly id: string;
  /** Severity in force for the active file: error, warning, information, hint or off. */
  readonly severity: string;
}

export interface FindingItem {
  /** Rule id, or `configuration` for problems in .cpisecurity.json. */
  readonly rule: string;
  readonly uri: string;
  /** 0-based line of the finding's start. */
  readonly line: number;
}

export interface CpiSecurityApi {
  /** Questions the FAQ view shows (after its filter). */
  faqItems(): FaqItem[];
  /** Rules with their effective severity, after asking the server afresh. */
  ruleItems(): Promise<RuleItem[]>;
  /** Our diagnostics as the Findings view lists them. */
  findingItems(): FindingItem[];
  /** The HTML of the certificate details view open on `uri` (a URI string), undefined when none is. */
  certificateDetailsHtml(uri: string): string | undefined;
  /** Settles once the language server has started (rejects when it could not). */
  readonly ready: Promise<void>;
  /** Milliseconds from the start of the bundle's evaluation to the end of activate() (the server starts later). */
  readonly activationMs: number;
}

export function createApi(
  views: { faq: FaqView; rules: RulesView; findings: FindingsView; certificateDetails: CertificateDetailsEditor },
  ready: Promise<void>,
  activationMs: number,
): CpiSecurityApi {
  return {
    faqItems: () => views.faq.questions().map(({ entry }) => ({ id: entry.id, label: entry.question, category: entry.category })),
    ruleItems: async () => (await views.rules.currentRows()).map((row) => ({ id: row.id, severity: row.severity })),
    findingItems: () => views.findings.currentFindings().map((finding) => ({ rule: finding.rule, uri: finding.uri, line: finding.line })),
    certificateDetailsHtml: (uri) => views.certificateDetails.htmlOf(uri),
    ready,
    activationMs,
  };
}
