import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// SARIF 2.1.0 validation. The official schema is not on npm as a schema
// package of its own; @microsoft/jest-sarif ships it, and is used when
// installed. Otherwise a hand-written subset (same names, required fields,
// enums and minimums for everything we emit) stands in.

const OFFICIAL = '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';

export function sarifSchema(): { schema: Record<string, unknown>; official: boolean } {
  try {
    const schema = JSON.parse(readFileSync(require.resolve(OFFICIAL), 'utf8')) as Record<string, unknown>;
    // A draft-04 schema: its `id` is `$id` for Ajv 8, and its meta-schema is not needed to validate.
    schema.$id = schema.id;
    delete schema.id;
    delete schema.$schema;
    return { schema, official: true };
  } catch {
    return { schema: JSON.parse(readFileSync(join(__dirname, 'sarif-2.1.0-subset.schema.json'), 'utf8')) as Record<string, unknown>, official: false };
  }
}

/** Returns the validation errors (empty when valid). */
export function validateSarif(log: unknown): string[] {
  const { schema } = sarifSchema();
  // The official schema has a pattern that is not valid in unicode mode.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (text: string) => /^[a-z][a-z0-9+.-]*:/i.test(text));
  ajv.addFormat('uri-reference', (text: string) => !/[\s\\]/.test(text));
  ajv.addFormat('date-time', (text: string) => !Number.isNaN(Date.parse(text)));
  const validate = ajv.compile(schema);
  return validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}
