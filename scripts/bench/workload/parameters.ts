// parameters.prop as SAP exports it: a Java properties file with a date
// comment, escaped spaces and colons, the values the iFlow's placeholders
// use, and a few more (unused keys, now and then a literal secret).
import type { Random } from './prng';

function escapeKey(key: string): string {
  return key.replace(/[\\ :=#!]/g, (c) => `\\${c}`);
}

function escapeValue(value: string): string {
  return value.replace(/[\\:=]/g, (c) => `\\${c}`);
}

export function generateParameters(used: ReadonlyMap<string, string>, random: Random): string {
  const lines = ['#Store parameters', '#Thu Nov 26 10:00:00 UTC 2026'];
  for (const [name, value] of used) lines.push(`${escapeKey(name)}=${escapeValue(value)}`);
  const extra = random.int(2, 12);
  for (let i = 0; i < extra; i++) lines.push(`${escapeKey(`Unused Setting ${i}`)}=${escapeValue(`value-${random.int(0, 99999)}`)}`);
  if (random.chance(0.1)) lines.push(`${escapeKey('Partner API Password')}=${escapeValue(`pw-${random.int(1000, 9999)}`)}`);
  return `${lines.join('\n')}\n`;
}
