// Reader for "suppressions". A suppression with any invalid part is dropped
// whole: keeping it with the bad part left out could widen it (no file glob
// means every file, no expiry means forever).
import type { Node } from 'jsonc-parser';
import { isRuleId } from '@cpi/common/rules/catalogue';
import { isIsoDay } from '@cpi/common/config/dates';
import { describe, propertiesOf, stringValue, type ProblemSink } from './json-node';
import { ANY_RULE, type Suppression } from './model';
import { readGlob } from './read-values';
import { suggestRuleId } from '@cpi/common/config/rule-ids';

const FIELDS = ['rule', 'file', 'channel', 'subject', 'reason', 'expires'];

export function readSuppressions(node: Node, sink: ProblemSink): Suppression[] | undefined {
  if (node.type !== 'array') {
    sink.error(
      node,
      `"suppressions" must be an array of objects such as { "rule": "smtp-port-25", "reason": "..." }; found ${describe(node)}.`,
    );
    return undefined;
  }
  const suppressions: Suppression[] = [];
  for (const item of node.children ?? []) {
    const suppression = readSuppression(item, sink);
    if (suppression) suppressions.push(suppression);
  }
  return suppressions;
}

function readSuppression(node: Node, sink: ProblemSink): Suppression | undefined {
  if (node.type !== 'object') {
    sink.error(
      node,
      `A suppression must be an object with "rule" and "reason" (and optionally "file" and "expires"); found ${describe(node)}.`,
    );
    return undefined;
  }
  const values = new Map<string, Node>();
  for (const { name, key, value } of propertiesOf(node, sink)) {
    if (!FIELDS.includes(name))
      sink.warning(
        key,
        `Unknown suppression field "${name}"; expected "rule", "file", "channel", "subject", "reason" or "expires". It is ignored.`,
      );
    else if (value) values.set(name, value);
  }
  let valid = true;

  const rule = values.get('rule');
  const ruleId = stringValue(rule);
  if (!rule) {
    sink.error(node, 'A suppression needs "rule": the rule id it silences (or "*" together with "file"). It is ignored.');
    valid = false;
  } else if (ruleId === undefined) {
    sink.error(rule, `"rule" must be a rule id string; found ${describe(rule)}. The suppression is ignored.`);
    valid = false;
  } else if (ruleId !== ANY_RULE && !isRuleId(ruleId)) {
    sink.warning(rule, `Unknown rule id "${ruleId}"; the suppression is ignored.${suggestRuleId(ruleId)}`);
    valid = false;
  }

  const fileNode = values.get('file');
  const file = fileNode ? readGlob(fileNode, sink) : undefined;
  if (fileNode && file === undefined) valid = false;
  if (ruleId === ANY_RULE && !fileNode) {
    sink.error(
      rule ?? node,
      'A suppression of every rule ("*") must name the files it covers with "file"; to skip files entirely use "ignore". It is ignored.',
    );
    valid = false;
  }

  // channel and subject narrow the suppression; a bad one must not widen it by being left out
  const narrowing: { channel?: string; subject?: string } = {};
  for (const field of ['channel', 'subject'] as const) {
    const fieldNode = values.get(field);
    if (!fieldNode) continue;
    const text = stringValue(fieldNode);
    if (text === undefined || text.trim() === '') {
      const what =
        field === 'channel'
          ? 'the name of the channel'
          : 'the subject of the finding (the iFlow property key, the parameter or the certificate subject)';
      sink.error(fieldNode, `"${field}" must be a non-empty text, ${what}; found ${describe(fieldNode)}. The suppression is ignored.`);
      valid = false;
    } else narrowing[field] = text;
  }

  const reasonNode = values.get('reason');
  const reason = stringValue(reasonNode)?.trim();
  if (!reasonNode) {
    sink.error(node, 'A suppression needs "reason": why the finding is accepted, for the next reviewer. It is ignored.');
    valid = false;
  } else if (!reason) {
    sink.error(
      reasonNode,
      `"reason" must be a non-empty text saying why the finding is accepted; found ${describe(reasonNode)}. The suppression is ignored.`,
    );
    valid = false;
  }

  const expiresNode = values.get('expires');
  const expires = stringValue(expiresNode);
  if (expiresNode && (expires === undefined || !isIsoDay(expires))) {
    sink.error(
      expiresNode,
      `"expires" must be a calendar date written YYYY-MM-DD, e.g. "2027-06-30"; found ${describe(expiresNode)}. The suppression is ignored.`,
    );
    valid = false;
  }

  if (!valid || ruleId === undefined || reason === undefined) return undefined;
  return {
    rule: ruleId,
    ...(file !== undefined ? { file } : {}),
    ...narrowing,
    reason,
    ...(expires !== undefined ? { expires } : {}),
    range: sink.rangeOf(node),
  };
}
