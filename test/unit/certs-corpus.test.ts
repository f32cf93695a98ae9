import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readCertificateFile } from '../../server/src/core/certs/read';
import { checkCertificateFile } from '../../server/src/core/analysis/check-certificate-file';
import { CORPUS, filesUnder } from '../support/files';

// Real certificate files of public projects: every one must be read without
// an exception, and certificates must be readable.

const EXTENSIONS = new Set(['.pem', '.crt', '.cer', '.der']);

const certificateFiles = (folder: string) => filesUnder(folder).filter((file) => EXTENSIONS.has(path.extname(file).toLowerCase()));

describe('certificate files in the corpus', function () {
  before(function () {
    if (!existsSync(CORPUS)) this.skip();
  });

  it('reads every certificate file without problems', function () {
    const files = certificateFiles(CORPUS);
    if (files.length === 0) this.skip();
    for (const file of files) {
      const read = readCertificateFile(readFileSync(file), file);
      assert.deepEqual(read.problems, [], file);
      assert.ok(
        read.blocks.some((b) => b.info),
        file,
      );
      checkCertificateFile(read, { uri: file, now: new Date(), expiryWarningDays: 60, fileName: path.basename(file) });
    }
  });
});
