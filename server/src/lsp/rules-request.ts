import { promises as fs } from 'node:fs';
import { effectiveSeverity } from '../core/analysis/analyse-artifact';
import { RULES } from '@cpi/common/rules/catalogue';
import { uriToPath } from '../engine/uri';
import type { EffectiveRule, EffectiveRulesResult } from '@cpi/common/protocol';
import type { EditorConfiguration } from './configuration';

/** The rules in force at a file, or for a folder at the files directly inside it. */
export async function effectiveRulesAt(uri: string, configuration: EditorConfiguration): Promise<EffectiveRulesResult> {
  const path = uriToPath(uri);
  const isFolder =
    path !== undefined &&
    (await fs.stat(path).then(
      (stats) => stats.isDirectory(),
      () => false,
    ));
  const resolved = await configuration.resolve(isFolder ? `${uri.replace(/\/$/, '')}/.cpisecurity.json` : uri);
  const rules: EffectiveRule[] = RULES.map((meta) => ({
    id: meta.id,
    severity: effectiveSeverity(resolved.config, meta.id),
    origin: meta.id in resolved.settingsRules ? 'settings' : resolved.fileRules.has(meta.id) ? 'configuration' : 'default',
  }));
  return { rules, configUri: resolved.target.uri, configExists: resolved.target.text !== undefined };
}
