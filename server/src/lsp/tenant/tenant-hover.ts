// Hovers on tenant files, as on local ones: the findings under the cursor
// (from the tenant's last scan), what the setting means, and its value as
// the tenant runs it. The parameters are read from the text the editor
// shows (parameters.prop with the configured values), so positions agree.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Finding } from '@cpi/common/findings';
import { Commands } from '@cpi/common/protocol';
import { isIflowUri, isParametersUri } from '../../core/analysis/artifact-layout';
import { parseIflow, parseParameters, type ParsedIflow, type ParsedParameters } from '../../core/analysis/parsed';
import { iflowHover, parametersHover } from '../../core/explain/hover';
import { scriptHover } from '../../core/explain/script-hover';
import { scriptLanguage } from '../../core/analysis/script-layout';
import { readScript } from '../../core/script/read';
import type { ReportedFinding } from '../../engine/report';

const COMMANDS = { explainRule: Commands.explainRule, openFaq: Commands.openFaq };

/** An artifact's iFlows and parameters as the editor shows them, by canonical URI. */
export interface ShownArtifact {
  readonly files: ReadonlyMap<string, string>;
}

export function parseShown(artifact: ShownArtifact): { iflows: ParsedIflow[]; parameters?: ParsedParameters } {
  const iflows: ParsedIflow[] = [];
  let parameters: ParsedParameters | undefined;
  for (const [uri, text] of artifact.files) {
    if (isIflowUri(uri)) iflows.push(parseIflow(uri, text));
    else if (isParametersUri(uri)) parameters = parseParameters(uri, text);
  }
  return { iflows, ...(parameters ? { parameters } : {}) };
}

/** The scan's findings in the shape the hover reads (rule, severity, place). */
function asFindings(uri: string, reported: readonly ReportedFinding[]): Finding[] {
  return reported.map((finding) => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    uri,
    range: finding.range,
    related: [],
    fixes: [],
  }));
}

export function tenantHover(
  uri: string,
  parsed: { iflows: readonly ParsedIflow[]; parameters?: ParsedParameters },
  reported: readonly ReportedFinding[],
  position: Position,
): Hover | null {
  const findings = asFindings(uri, reported);
  let content;
  if (isIflowUri(uri)) {
    const iflow = parsed.iflows.find((candidate) => candidate.uri === uri);
    content = iflow && iflowHover(iflow, parsed.parameters, findings, position, COMMANDS);
  } else if (isParametersUri(uri) && parsed.parameters) {
    content = parametersHover(parsed.parameters, parsed.iflows, findings, position, COMMANDS);
  }
  return content ? { contents: { kind: MarkupKind.Markdown, value: content.markdown }, range: content.range } : null;
}

/** Hover on a tenant script: the script API under the cursor and the scan's findings there. */
export function tenantScriptHover(uri: string, text: string, reported: readonly ReportedFinding[], position: Position): Hover | null {
  const language = scriptLanguage(uri);
  if (!language) return null;
  const content = scriptHover(readScript(text, language), uri, asFindings(uri, reported), position, COMMANDS);
  return content ? { contents: { kind: MarkupKind.Markdown, value: content.markdown }, range: content.range } : null;
}
