import * as assert from 'node:assert/strict';
import { configCandidates } from '../../server/src/core/config/discover';

describe('config: configCandidates', () => {
  it('lists the folders from the file upward to the workspace root, nearest first', () => {
    assert.deepEqual(configCandidates('file:///home/u/ws/pkg/src/a.iflw', 'file:///home/u/ws'), [
      'file:///home/u/ws/pkg/src/.cpisecurity.json',
      'file:///home/u/ws/pkg/.cpisecurity.json',
      'file:///home/u/ws/.cpisecurity.json',
    ]);
    assert.deepEqual(configCandidates('file:///home/u/ws/a.iflw', 'file:///home/u/ws/'), ['file:///home/u/ws/.cpisecurity.json']);
  });

  it('climbs to the file-system root without a workspace root or outside it', () => {
    const all = ['file:///a/b/.cpisecurity.json', 'file:///a/.cpisecurity.json', 'file:///.cpisecurity.json'];
    assert.deepEqual(configCandidates('file:///a/b/c.pem'), all);
    assert.deepEqual(configCandidates('file:///a/b/c.pem', 'file:///elsewhere'), all);
  });

  it('starts beside the archive for a file inside a zip', () => {
    assert.deepEqual(configCandidates('file:///ws/exports/pkg.zip!/inner.zip!/src/a.iflw', 'file:///ws'), [
      'file:///ws/exports/.cpisecurity.json',
      'file:///ws/.cpisecurity.json',
    ]);
  });

  it('stops at a Windows drive and gives nothing for an opaque URI', () => {
    assert.deepEqual(configCandidates('file:///c%3A/ws/a.iflw'), ['file:///c%3A/ws/.cpisecurity.json', 'file:///c%3A/.cpisecurity.json']);
    assert.deepEqual(configCandidates('untitled:Untitled-1'), []);
  });
});
