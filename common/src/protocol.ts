// Messages between the extension and the language server beyond LSP, declared
// once and imported by both sides so names and shapes cannot drift.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Severity, SeveritySetting } from './findings';

/** `source` of every diagnostic the server publishes; the client filters its findings by it. */
export const DIAGNOSTIC_SOURCE = 'cpi-security-lint';

export interface AnalysisStatus {
  /** Files with analysis results. */
  readonly files: number;
  readonly findings: number;
  readonly lastDurationMs: number;
  /** Epoch milliseconds of the last finished analysis. */
  readonly lastFinishedAt?: number;
}

export namespace StatusNotification {
  export const method = 'cpiSecurity/status';
  export const type = new NotificationType<AnalysisStatus>(method);
}

export interface EffectiveRulesParams {
  /** A file or folder; the configuration that applies there is used. */
  readonly uri: string;
}

export interface EffectiveRule {
  readonly id: string;
  readonly severity: SeveritySetting;
  /** Where the severity comes from. */
  readonly origin: 'default' | 'configuration' | 'settings';
}

export interface EffectiveRulesResult {
  readonly rules: readonly EffectiveRule[];
  /** The configuration file in force, or where one would be created. */
  readonly configUri: string;
  readonly configExists: boolean;
}

export namespace EffectiveRulesRequest {
  export const method = 'cpiSecurity/effectiveRules';
  export const type = new RequestType<EffectiveRulesParams, EffectiveRulesResult, void>(method);
}

/** Re-analyse every open document (after the user asks to). */
export namespace ReanalyseRequest {
  export const method = 'cpiSecurity/reanalyse';
  export const type = new RequestType0<void, void>(method);
}

/** Client commands the server refers to from code actions and hovers. */
export namespace Commands {
  export const explainRule = 'cpiSecurity.explainRule';
  export const openFaq = 'cpiSecurity.openFaq';
  export const suppressFinding = 'cpiSecurity.suppressFinding';
  export const restartServer = 'cpiSecurity.restartServer';
  export const reanalyse = 'cpiSecurity.reanalyse';
  export const setRuleSeverity = 'cpiSecurity.setRuleSeverity';
  export const showOutput = 'cpiSecurity.showOutput';
  export const scanWorkspace = 'cpiSecurity.scanWorkspace';
  /** Opens the certificate details view of a file (argument: its URI string). */
  export const showCertificateDetails = 'cpiSecurity.showCertificateDetails';
}

/** Arguments of the suppress command, prepared by the server's code action. */
export interface SuppressFindingArgs {
  readonly ruleId: string;
  /** The file the finding is on. */
  readonly uri: string;
  /** The configuration file to write to (created when missing). */
  readonly configUri: string;
  /** Glob for the file, relative to the configuration's folder. */
  readonly fileGlob: string;
  /** Narrows the suppression to the finding's channel (its name). */
  readonly channel?: string;
  /** Narrows the suppression to the finding's subject (iFlow property key, parameter, certificate subject). */
  readonly subject?: string;
  /**
   * Suppress with a comment in the file instead (scripts): the comment line
   * to insert before 0-based `line`, up to the reason the user types
   * (`    // cpi-security-lint-disable-next-line <rule> -- `).
   */
  readonly comment?: { readonly line: number; readonly prefix: string };
}

export interface ScanWorkspaceResult {
  readonly files: number;
  readonly findings: number;
  readonly cancelled: boolean;
}

/**
 * When the stages behind the latest diagnostics of a document happened in
 * the server, for the benchmark's breakdown of edit-to-diagnostics. Epoch
 * milliseconds with sub-millisecond precision (performance.timeOrigin +
 * performance.now()), comparable with the client's on the same machine.
 * Recorded only when the client sets the initialization option
 * `editTimings: true`.
 */
export interface EditTimings {
  readonly uri: string;
  /** The document version the diagnostics were published for. */
  readonly version: number;
  /** The latest change of the document was taken from the connection (before it was applied). */
  readonly received: number;
  /** The document held the changed text. */
  readonly applied: number;
  /** The analysis of its artifact began (after any delay). */
  readonly started: number;
  /** The configuration in force was resolved. */
  readonly configured: number;
  /** The artifact's files were read and parsed (or their last reading updated). */
  readonly read: number;
  /** The rules had run. */
  readonly analysed: number;
  /** The diagnostics were built and handed to the connection. */
  readonly built: number;
  /** They were serialised and written to the output stream. */
  readonly written: number;
  /** Garbage-collection pauses between received and written, in milliseconds. */
  readonly gcMs: number;
}

export namespace EditTimingsRequest {
  export const method = 'cpiSecurity/editTimings';
  export const type = new RequestType<{ readonly uri: string }, EditTimings | null, void>(method);
}

/** Analyse every file of the workspace folders, open or not, and keep them current. */
/** Sent after every workspace scan that ran to the end (requested, at start, or after a change): the client's status then counts the workspace. */
export namespace WorkspaceScannedNotification {
  export const method = 'cpiSecurity/workspaceScanned';
  export const type = new NotificationType<ScanWorkspaceResult>(method);
}

export namespace ScanWorkspaceRequest {
  export const method = 'cpiSecurity/scanWorkspace';
  export const type = new RequestType0<ScanWorkspaceResult, void>(method);
}

/** A finding on a certificate, as the details view lists it. */
export interface CertificateDetailsFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
}

/** One certificate of a file, in the words of the hover and code lens. */
export interface CertificateDetailsEntry {
  /** PEM label, or `DER` for a binary file. */
  readonly label: string;
  /** 0-based line of the block (0 for DER). */
  readonly line: number;
  /** The code lens line: weaknesses first, then name, key, validity, signer. */
  readonly summary: string;
  readonly subject: string;
  readonly issuer: string;
  readonly serial: string;
  /** ISO dates (yyyy-mm-dd). */
  readonly notBefore: string;
  readonly notAfter: string;
  /** `expires in 41 days`, `expired 3 days ago`. */
  readonly validity: string;
  /** `RSA 2048`, `EC P-256`. */
  readonly key: string;
  readonly signatureAlgorithm: string;
  /** SHA-256 of the DER bytes, upper-case hex pairs joined by colons. */
  readonly sha256Fingerprint: string;
  /** `DNS:api.example.com`, `IP:10.0.0.1`. */
  readonly alternativeNames: readonly string[];
  /** `self-signed`, `self-signed CA`, `CA-signed`, `CA-signed (intermediate CA)`. */
  readonly signed: string;
  readonly findings: readonly CertificateDetailsFinding[];
}

export interface CertificateDetails {
  readonly uri: string;
  /** How `.cpisecurity.json` declares the file's usage, in words. */
  readonly usage: string;
  readonly certificates: readonly CertificateDetailsEntry[];
  /** Findings not on a readable certificate (private keys, key stores). */
  readonly otherFindings: readonly CertificateDetailsFinding[];
  /** Why (parts of) the file could not be read, or why it was not analysed. */
  readonly problems: readonly string[];
}

/** The details of a certificate file on disk or open in the editor (PEM or DER), with the findings of the certificate rules. */
export namespace CertificateDetailsRequest {
  export const method = 'cpiSecurity/certificateDetails';
  export const type = new RequestType<{ readonly uri: string }, CertificateDetails, void>(method);
}
