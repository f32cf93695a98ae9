// parameters.prop as the tenant runs it, for reading in the editor: each
// value configured on the tenant replaces the default in its line, and keys
// configured but absent from the file follow at the end. Lines of keys left
// at their default keep their place, so findings on them stay where the scan
// put them.
import { escapePropertyKey, escapePropertyValue, readParameters } from '../../core/params/properties';

export function parametersAsConfigured(text: string, configured: ReadonlyMap<string, string>): string {
  if (configured.size === 0) return text;
  const file = readParameters(text);
  const replacements: { start: number; end: number; text: string }[] = [];
  const absent: [string, string][] = [];
  for (const [key, value] of configured) {
    // an empty configured value means not configured: the default applies (as in the scan)
    if (value === '') continue;
    const entry = file.entries.get(key);
    if (!entry) absent.push([key, value]);
    else if (entry.value.text !== value)
      replacements.push({ start: entry.value.startOffset, end: entry.value.endOffset, text: escapePropertyValue(value) });
  }
  let out = text;
  for (const { start, end, text: value } of replacements.sort((a, b) => b.start - a.start))
    out = out.slice(0, start) + value + out.slice(end);
  if (absent.length > 0) {
    const eol = out.includes('\r\n') ? '\r\n' : '\n';
    if (out !== '' && !out.endsWith('\n')) out += eol;
    out += `# configured on the tenant, not in the artifact's parameters.prop${eol}`;
    for (const [key, value] of absent) out += `${escapePropertyKey(key)}=${escapePropertyValue(value)}${eol}`;
  }
  return out;
}
