// The activation time the extension reports (client/src/api.ts), for
// `npm run bench`: when CPI_E2E_METRICS names a file, the number is written
// there for the benchmark to read; the assertion keeps it honest.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './diagnostics';
import { waitFor } from './wait';

describe('CPI Security Lint activation time', () => {
  it('is exported by the API as a positive number of milliseconds', async () => {
    const extension = vscode.extensions.getExtension<{ activationMs?: unknown }>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    // the workspace contains .iflw files, so VS Code activates the extension by itself
    await waitFor(() => extension.isActive, `activation of ${EXTENSION_ID}`);
    const activationMs = extension.exports?.activationMs;
    assert.equal(typeof activationMs, 'number');
    assert.ok((activationMs as number) > 0, `activationMs ${String(activationMs)}`);
    const metrics = process.env.CPI_E2E_METRICS;
    if (metrics) fs.writeFileSync(metrics, JSON.stringify({ activationMs }));
  });
});
