import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { isIflowUri } from '../core/analysis/artifact-layout';
import { iflowHover, parametersHover } from '../core/explain/hover';
import { scriptHover } from '../core/explain/script-hover';
import { Commands } from '@cpi/common/protocol';
import { AnalysisService } from './analysis-service';
import { canonicalUri } from '../engine/uri';
import { ScriptService } from './script-service';

const COMMANDS = { explainRule: Commands.explainRule, openFaq: Commands.openFaq };

/** Hovers from the last analysis of the document's artifact (of the script itself for scripts). */
export async function hoverFor(params: HoverParams, analysis: AnalysisService, scripts: ScriptService): Promise<Hover | null> {
  const uri = params.textDocument.uri;
  if (ScriptService.handles(uri)) {
    await scripts.settle();
    const model = scripts.modelFor(uri);
    const content = model && scriptHover(model, uri, scripts.findingsFor(uri), params.position, COMMANDS);
    return content ? { contents: { kind: MarkupKind.Markdown, value: content.markdown }, range: content.range } : null;
  }
  if (!AnalysisService.handles(uri)) return null;
  await analysis.settle();
  const artifact = analysis.artifactOf(uri);
  if (!artifact) return null;
  const findings = analysis.findingsFor(uri);
  const canonical = canonicalUri(uri);
  let content;
  if (isIflowUri(uri)) {
    const iflow = artifact.iflows.find((candidate) => canonicalUri(candidate.uri) === canonical);
    content = iflow && iflowHover(iflow, artifact.parameters, findings, params.position, COMMANDS);
  } else if (artifact.parameters) {
    content = parametersHover(artifact.parameters, artifact.iflows, findings, params.position, COMMANDS);
  }
  return content ? { contents: { kind: MarkupKind.Markdown, value: content.markdown }, range: content.range } : null;
}
