import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { faqUrl } from '@cpi/common/knowledge/sap-help';
import { RULES } from '@cpi/common/rules/catalogue';
import type { GeneratedFile } from './rule-index';

// The rule lists of the configuration schema, which VS Code reads as a static
// file: written by scripts/build.mjs from the catalogue; the rest of the
// schema is written by hand.

export const SCHEMA_PATH = 'schemas/cpisecurity.schema.json';

interface Schema {
  definitions: { ruleId: { enum: string[] } };
  properties: { rules: { properties: Record<string, unknown> } };
}

export function configSchemaSource(repo: string): GeneratedFile {
  const schema = JSON.parse(readFileSync(join(repo, SCHEMA_PATH), 'utf8')) as Schema;
  schema.definitions.ruleId.enum = RULES.map((rule) => rule.id);
  schema.properties.rules.properties = Object.fromEntries(
    RULES.map((rule) => [
      rule.id,
      {
        $ref: '#/definitions/severity',
        description: `${rule.title} (default: ${rule.defaultSeverity}).`,
        markdownDescription: `**${rule.title}** (default: \`${rule.defaultSeverity}\`). [Documentation](${rule.faq[0] === undefined ? rule.helpUrl : faqUrl(rule.faq[0])})`,
      },
    ]),
  );
  return { path: SCHEMA_PATH, text: `${JSON.stringify(schema, null, 2)}\n` };
}
