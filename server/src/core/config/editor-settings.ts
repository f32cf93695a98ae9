// Merges the editor's `cpiSecurity.rules` / `cpiSecurity.openedPorts` /
// `cpiSecurity.maxFileSizeMB` settings over a parsed configuration. Settings arrive as untyped JSON from
// the client, so anything malformed is skipped rather than trusted.
import type { SeveritySetting } from '@cpi/common/findings';
import { isRuleId } from '@cpi/common/rules/catalogue';
import type { Config } from './model';
import { isFileSizeMB, isPortNumber } from './read-values';
import { isSeveritySetting } from '@cpi/common/config/rule-ids';

export interface EditorSettings {
  rules?: Record<string, string>;
  openedPorts?: number[];
  /** null (the setting's default) leaves the file's value in force. */
  maxFileSizeMB?: number | null;
}

/** The editor's rule severities and size limit win over the file's; its ports are added to the file's. */
export function withEditorSettings(config: Config, settings: EditorSettings | undefined): Config {
  const rules = new Map<string, SeveritySetting>(config.rules);
  const ruleSettings: unknown = settings?.rules;
  if (ruleSettings && typeof ruleSettings === 'object' && !Array.isArray(ruleSettings)) {
    for (const [id, severity] of Object.entries(ruleSettings)) {
      if (isRuleId(id) && isSeveritySetting(severity)) rules.set(id, severity);
    }
  }
  const openedPorts = new Set(config.openedPorts);
  const portSettings: unknown = settings?.openedPorts;
  if (Array.isArray(portSettings)) {
    for (const port of portSettings) {
      if (isPortNumber(port)) openedPorts.add(port);
    }
  }
  const maxFileSizeMB: unknown = settings?.maxFileSizeMB;
  return { ...config, rules, openedPorts, maxFileSizeMB: isFileSizeMB(maxFileSizeMB) ? maxFileSizeMB : config.maxFileSizeMB };
}
