import type { ResolvedValue } from '../../params/resolved-value';
import type { FixAction, FixSpec } from '../rule';

/** Replaces `[textStart, textEnd)` of a resolved value; an empty span inserts. */
export function replaceAction(target: ResolvedValue, textStart: number, textEnd: number, newText: string): FixAction {
  return { kind: 'replace', target, textStart, textEnd, newText };
}

/** A fix that replaces the whole value of a setting (e.g. `ssl` = `off` → `starttls_mandatory`). */
export function setValue(target: ResolvedValue, newText: string, title: string, preferred = true): FixSpec {
  return { title, preferred, actions: [replaceAction(target, 0, target.text.length, newText)] };
}

/** A fix that replaces one slice of a value (the scheme of a URL, a port). */
export function replaceSlice(
  target: ResolvedValue,
  slice: readonly [number, number],
  newText: string,
  title: string,
  preferred = true,
): FixSpec {
  return { title, preferred, actions: [replaceAction(target, slice[0], slice[1], newText)] };
}

/** Writes `true`/`false` or `1`/`0`, in the style the value already uses. */
export function booleanLike(current: string, value: boolean): string {
  return /^(true|false)$/i.test(current.trim()) ? String(value) : value ? '1' : '0';
}

export function isOn(text: string | undefined): boolean {
  return text !== undefined && /^(1|true|yes|on)$/i.test(text.trim());
}

export function isOff(text: string | undefined): boolean {
  return text !== undefined && /^(0|false|no|off)$/i.test(text.trim());
}
