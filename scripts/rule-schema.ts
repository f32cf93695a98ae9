import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { faqEntry } from '@cpi/common/knowledge/faq';
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

/** A rule's first SAP FAQ answer, else its help page (our scripting guidance is not on SAP Help). */
function documentation(firstFaq: string | undefined, helpUrl: string): string {
  return firstFaq !== undefined && faqEntry(firstFaq)?.source === 'sap-faq' ? faqUrl(firstFaq) : helpUrl;
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
        markdownDescription: `**${rule.title}** (default: \`${rule.defaultSeverity}\`). [Documentation](${documentation(rule.faq[0], rule.helpUrl)})`,
      },
    ]),
  );
  return { path: SCHEMA_PATH, text: `${JSON.stringify(schema, null, 2)}\n` };
}
