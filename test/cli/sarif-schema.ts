import Ajv from 'ajv';
import { readFileSync } from 'node:fs';

// The official SARIF 2.1.0 schema. No npm package ships it on its own;
// @microsoft/jest-sarif (a dev dependency) carries the published file.
const OFFICIAL = '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';

function officialSchema(): Record<string, unknown> {
  const schema = JSON.parse(readFileSync(require.resolve(OFFICIAL), 'utf8')) as Record<string, unknown>;
  // A draft-04 schema: its `id` is `$id` for Ajv 8, and its meta-schema is not needed to validate.
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  return schema;
}

/** Returns the validation errors (empty when valid). */
export function validateSarif(log: unknown): string[] {
  // The official schema has a pattern that is not valid in unicode mode.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (text: string) => /^[a-z][a-z0-9+.-]*:/i.test(text));
  ajv.addFormat('uri-reference', (text: string) => !/[\s\\]/.test(text));
  ajv.addFormat('date-time', (text: string) => !Number.isNaN(Date.parse(text)));
  const validate = ajv.compile(officialSchema());
  return validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}
