import { effectiveSeverity } from '../core/analysis/analyse-artifact';
import { RULES } from '../core/rules/catalogue';
import type { EffectiveRule, EffectiveRulesResult } from '../protocol';
import type { ResolvedConfig } from './configuration';

/** Each rule's severity where the user is, and where that severity comes from. */
export function effectiveRules(resolved: ResolvedConfig): EffectiveRulesResult {
  const rules: EffectiveRule[] = RULES.map((meta) => ({
    id: meta.id,
    severity: effectiveSeverity(resolved.config, meta.id),
    origin: meta.id in resolved.settingsRules ? 'settings' : resolved.fileRules.has(meta.id) ? 'configuration' : 'default',
  }));
  return { rules, configUri: resolved.target.uri, configExists: resolved.target.text !== undefined };
}
