import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { noteFor, readExampleNotes } from '../../client/src/examples/example-notes';

// The example picker says what each example shows, from examples/README.md.

const EXAMPLES = join(__dirname, '..', '..', 'examples');

describe('client: example notes', () => {
  it('describes every example artifact from the README table', () => {
    const notes = readExampleNotes(readFileSync(join(EXAMPLES, 'README.md'), 'utf8'));
    const artifacts = readdirSync(EXAMPLES).filter((name) => existsSync(join(EXAMPLES, name, 'META-INF')));
    assert.ok(artifacts.length > 0);
    for (const artifact of artifacts) assert.ok(notes.get(artifact)?.description, `${artifact} has a description`);
    const iflow = noteFor('Kestrel_Legacy_Invoice_Dispatch/src/main/resources/scenarioflows/integrationflow/Legacy.iflw', notes);
    assert.match(iflow?.description ?? '', /SOAP sender/);
    assert.match(iflow?.detail ?? '', /HCI-era/);
    assert.match(
      noteFor('Kestrel_Legacy_Invoice_Dispatch/src/main/resources/parameters.prop', notes)?.description ?? '',
      /^Parameters of: /,
    );
    assert.match(noteFor('.cpisecurity.json', notes)?.description ?? '', /configuration/);
    assert.equal(noteFor('Unknown/x.iflw', notes), undefined);
  });
});
