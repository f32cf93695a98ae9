import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The CI recipes of README.md ("In CI: the command line") as text, so tests
// can run their shell lines as written and check their YAML keys against
// action.yml. Only the plain block shapes the README uses are read: list
// items of one line, and `key: |` blocks.

const REPO = join(__dirname, '..', '..');

/** The first fenced yaml block under the README heading `### <heading>`. */
export function readmeYaml(heading: string): string {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n### ${heading}\n`);
  if (start < 0) throw new Error(`README.md has no section "### ${heading}"`);
  const section = readme.slice(start + 1).split(/\n#{2,3} /)[0];
  const block = /```yaml\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error(`README.md section "${heading}" has no yaml block`);
  return block[1];
}

/** The commands of a `script:` list (GitLab CI), one per item. */
export function gitlabScript(yaml: string): string[] {
  const lines = yaml.split('\n');
  const at = lines.findIndex((line) => /^\s*script:\s*$/.test(line));
  if (at < 0) throw new Error('no script: list');
  const indent = /^(\s*)/.exec(lines[at + 1] ?? '')![1];
  const commands: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (!line.startsWith(`${indent}- `)) break;
    commands.push(line.slice(indent.length + 2));
  }
  return commands;
}

/** Each `- script:` step (Azure Pipelines) as the text of its script: a one-line value or a `|` block. */
export function azureScripts(yaml: string): string[] {
  const lines = yaml.split('\n');
  const scripts: string[] = [];
  lines.forEach((line, at) => {
    const step = /^(\s*)- script: (.*)$/.exec(line);
    if (!step) return;
    if (step[2].trim() !== '|') {
      scripts.push(step[2]);
      return;
    }
    const body: string[] = [];
    const indent = /^(\s*)/.exec(lines[at + 1] ?? '')![1];
    for (const next of lines.slice(at + 1)) {
      if (!next.startsWith(indent) || next.trim() === '') break;
      body.push(next.slice(indent.length));
    }
    scripts.push(body.join('\n'));
  });
  return scripts;
}

/** The keys of a two-space-indented mapping under a top-level key (`inputs:` of action.yml) or under a `with:` line. */
export function mappingKeys(yaml: string, key: string): string[] {
  const lines = yaml.split('\n');
  const at = lines.findIndex((line) => new RegExp(`^\\s*${key}:\\s*$`).test(line));
  if (at < 0) return [];
  const indent = /^(\s*)/.exec(lines[at + 1] ?? '')![1];
  const keys: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!line.startsWith(indent) || line.length - line.trimStart().length < indent.length) break;
    const own = new RegExp(`^${indent}([\\w-]+):`).exec(line);
    if (own) keys.push(own[1]);
  }
  return keys;
}

/** The commands of the first fenced sh block under the README heading `## <heading>` (or `###`): its lines but comments and blanks. */
export function readmeShellCommands(heading: string): string[] {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const start = readme.search(new RegExp(`\\n#{2,3} ${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
  if (start < 0) throw new Error(`README.md has no section "${heading}"`);
  const section = readme.slice(start + 1).split(/\n#{2,3} /)[0];
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error(`README.md section "${heading}" has no sh block`);
  return block[1].split('\n').filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
}
