import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG } from '../../server/src/core/config/model';
import { RULE_CHECKS } from '../../server/src/core/rules/registry.generated';
import { readScript } from '../../server/src/core/script/read';

// The secret rules over the real scripts next to the repository (never
// copied into it; absent on most machines): none throws, and verdicts
// checked by reading the scripts stay as they are.
const CORPUS = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'scripts');
const files = existsSync(CORPUS)
  ? readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(groovy|gsh|js)$/.test(name))
      .sort()
  : [];

const RULES = ['script-hardcoded-secret', 'script-secret-logged', 'script-credential-in-message', 'script-logs-all-headers'];

/** Findings (rule and 1-based line) expected, or expected not to be, in one script, by the end of its path. */
interface Verdict {
  readonly file: string;
  readonly rule: string;
  readonly lines: readonly number[];
  readonly absent?: readonly number[];
  readonly why: string;
}

const VERDICTS: readonly Verdict[] = [
  {
    file: '938a3d685b1c4189be8737a273328a76_content.unzip/src/main/resources/script/Decryption.groovy',
    rule: 'script-hardcoded-secret',
    lines: [22],
    why: 'String password = "o6tc7=?1": a PGP passphrase in the script',
  },
  {
    file: '8d872e7194a341d1af127eaf4ecfa814_content.unzip/src/main/resources/script/script1.groovy',
    rule: 'script-hardcoded-secret',
    lines: [10],
    why: 'an API token assigned to x_api_token (the same script later reads one from the secure store)',
  },
  {
    file: 'Generate_AWS4-HMAC-SHA256_Authorization_Header.zip.unzip/src/main/resources/script/script1.groovy',
    rule: 'script-hardcoded-secret',
    lines: [],
    why: "'<Your AWS Secret Key' is a placeholder with white space, not a secret",
  },
  {
    file: 'b524f241d2da47b89c90dd02398584a2_content.unzip/src/main/resources/script/fileDownload.groovy',
    rule: 'script-secret-logged',
    lines: [45],
    absent: [71, 85],
    why: 'the Authorization header goes into an MPL attachment; the HTTP response fetched with it is not the header',
  },
  {
    file: 'AccessCredentialFromScript.zip.unzip/src/main/resources/script/accessCredentials.groovy',
    rule: 'script-secret-logged',
    lines: [18],
    why: 'the password read from the secure store is written into the body as text',
  },
  {
    file: '6dbe8372a573480cb914fc905b7d590d_content.unzip/src/main/resources/script/generateRequestBody.gsh',
    rule: 'script-secret-logged',
    lines: [37, 46],
    why: 'a method of the script builds the SOAP request with the password, which becomes the body and, when logging is on, an attachment',
  },
  {
    file: '4deca476526547de80d2f0b135826560_content.unzip/src/main/resources/script/getSecuredData.groovy',
    rule: 'script-credential-in-message',
    lines: [23, 24],
    why: 'two getPassword() values stored as properties P_User and P_Password',
  },
  {
    file: '4b2a119995344e52b3786dad8991f632_content.unzip/src/main/resources/script/LogAttachmentsAndBuildEmailBody.groovy',
    rule: 'script-logs-all-headers',
    lines: [35],
    absent: [39],
    why: 'every header is collected into headersText and attached; the e-mail body built by a method from the maps is not the whole map',
  },
  {
    file: '8c0aadc9b83548a6a24688cb3ddac02b_content.unzip/src/main/resources/script/LogCompoundEmpResponse.groovy',
    rule: 'script-logs-all-headers',
    lines: [25],
    why: 'a for loop over getProperties().entrySet() collects every property into the attachment "Property:"',
  },
];

function linesOf(name: string, rule: string): number[] {
  const text = readFileSync(path.join(CORPUS, name), 'utf8');
  const model = readScript(text, name.endsWith('.js') ? 'javascript' : 'groovy');
  const check = RULE_CHECKS.find((entry) => entry.meta.id === rule)!.checks.script!;
  const lines: number[] = [];
  check.check(model, (found) => lines.push(model.lines.positionAt(found.at.start).line + 1), {
    config: DEFAULT_CONFIG,
    uri: name,
    fileName: path.basename(name),
    language: model.language,
  });
  return lines;
}

describe('script secret rules on the script corpus', () => {
  if (files.length === 0) {
    it.skip(`needs the corpus at ${CORPUS}`);
    return;
  }

  it('check every script without throwing', () => {
    for (const name of files) for (const rule of RULES) assert.doesNotThrow(() => linesOf(name, rule), `${rule} on ${name}`);
  });

  for (const verdict of VERDICTS) {
    it(`${verdict.rule} on ${path.basename(verdict.file)}: ${verdict.why}`, () => {
      const name = files.find((file) => file.endsWith(verdict.file));
      assert.ok(name, `${verdict.file} is in the corpus`);
      const lines = linesOf(name, verdict.rule);
      for (const line of verdict.lines) assert.ok(lines.includes(line), `line ${line} in ${JSON.stringify(lines)}`);
      for (const line of verdict.absent ?? []) assert.ok(!lines.includes(line), `not line ${line}`);
      if (verdict.lines.length === 0) assert.deepEqual(lines, []);
    });
  }
});
