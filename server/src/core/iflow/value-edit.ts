import type { TextEdit } from '@cpi/common/findings';
import type { IflowProperty } from './model';
import { escapeXmlText } from './escape';

/**
 * The edit that sets a property's whole value to `newValue` (plain text, it
 * is escaped here). An empty value may be written as `<value/>`, which has no
 * content to replace, so the element itself is rewritten; a missing `<value>`
 * is added after `<key>`. Undefined when the property lacks the ranges needed.
 */
export function valueEdit(property: IflowProperty, newValue: string): TextEdit | undefined {
  const escaped = escapeXmlText(newValue);
  const { value, valueElementRange, keyElementRange } = property;
  if (value && value.text !== '') return { range: value.range, newText: escaped };
  if (valueElementRange) return { range: valueElementRange, newText: `<value>${escaped}</value>` };
  if (keyElementRange) return { range: { start: keyElementRange.end, end: keyElementRange.end }, newText: `<value>${escaped}</value>` };
  return undefined;
}
