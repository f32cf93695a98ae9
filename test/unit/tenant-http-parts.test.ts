import * as assert from 'node:assert/strict';
import { odataDate } from '../../server/src/engine/tenant/http/odata';
import { Redactor } from '../../server/src/engine/tenant/http/redactor';
import { backoffMs, DEFAULT_RETRY, isRetriedStatus, retryAfterMs, sleep } from '../../server/src/engine/tenant/http/retry';
import { RequestSlots } from '../../server/src/engine/tenant/http/slots';
import { serverMessage } from '../../server/src/engine/tenant/http/status';

// The small parts of the tenant client on their own: dates, back-off,
// Retry-After, request slots, error bodies, masking.

describe('tenant http parts', () => {
  it('reads OData dates, with or without an offset, and ISO dates', () => {
    assert.equal(odataDate('/Date(1559804924000)/')?.toISOString(), '2019-06-06T07:08:44.000Z');
    assert.equal(odataDate('/Date(1559804924000+0000)/')?.getTime(), 1559804924000);
    assert.equal(odataDate('/Date(-1000)/')?.getTime(), -1000);
    assert.equal(odataDate('2030-01-01T00:00:00Z')?.getTime(), Date.UTC(2030, 0, 1));
    assert.equal(odataDate(null), undefined);
    assert.equal(odataDate(undefined), undefined);
    assert.equal(odataDate('soon'), null);
    assert.equal(odataDate(42), null);
  });

  it('backs off exponentially with jitter, up to the maximum', () => {
    const options = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((a) => backoffMs(a, options, () => 1)),
      [100, 200, 400, 800, 1000],
    );
    assert.deepEqual(
      [1, 2, 3].map((a) => backoffMs(a, options, () => 0)),
      [50, 100, 200],
    );
  });

  it('retries 429 and the transient 5xx only', () => {
    assert.deepEqual([400, 401, 403, 404, 429, 500, 501, 502, 503, 504].filter(isRetriedStatus), [429, 500, 502, 503, 504]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    assert.equal(retryAfterMs('7', now), 7000);
    assert.equal(retryAfterMs(' 0 ', now), 0);
    assert.equal(retryAfterMs('Thu, 01 Jan 2026 12:00:30 GMT', now), 30_000);
    assert.equal(retryAfterMs('Thu, 01 Jan 2026 11:00:00 GMT', now), 0);
    assert.equal(retryAfterMs('later', now), undefined);
    assert.equal(retryAfterMs(undefined, now), undefined);
  });

  it('ends a sleep when its signal aborts', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await assert.rejects(sleep(5000, controller.signal), /stop/);
    assert.ok(Date.now() - started < 1000);
  });

  it('hands out slots in order and never more than the limit', async () => {
    const slots = new RequestSlots(2);
    const a = await slots.acquire();
    await slots.acquire();
    const granted: string[] = [];
    const c = slots.acquire().then((release) => (granted.push('c'), release));
    const controller = new AbortController();
    const d = slots.acquire(controller.signal);
    const e = slots.acquire().then((release) => (granted.push('e'), release));
    controller.abort(new Error('gone'));
    await assert.rejects(d, /gone/);
    a();
    a(); // a second release of the same slot frees nothing
    await c;
    assert.deepEqual(granted, ['c']);
    (await c)();
    await e;
    assert.deepEqual(granted, ['c', 'e']);
  });

  it('reads the message of OData JSON and XML error bodies, masked and shortened', () => {
    const redactor = new Redactor();
    redactor.add('s3cr3t-token-value');
    const json = JSON.stringify({ error: { code: 'Forbidden', message: { lang: 'en', value: 'No access for s3cr3t-token-value' } } });
    assert.equal(serverMessage(Buffer.from(json), redactor), 'No access for [redacted]');
    const xml =
      '<?xml version="1.0"?><error xmlns="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><code/><message xml:lang="en">Artifact not found</message></error>';
    assert.equal(serverMessage(Buffer.from(xml), redactor), 'Artifact not found');
    assert.equal(
      serverMessage(Buffer.from(JSON.stringify({ error: 'invalid_client', error_description: 'Bad credentials' })), redactor),
      'Bad credentials',
    );
    assert.equal(serverMessage(Buffer.from('x'.repeat(1000)), redactor)?.length, 301);
    assert.equal(serverMessage(Buffer.from([0, 1, 2, 3]), redactor), undefined);
    assert.equal(serverMessage(Buffer.from(''), redactor), undefined);
  });

  it('masks secrets as sent and URL-encoded', () => {
    const redactor = new Redactor();
    redactor.add('a/b+c=secret');
    assert.equal(redactor.redact('x a/b+c=secret y a%2Fb%2Bc%3Dsecret z'), 'x [redacted] y [redacted] z');
    assert.equal(JSON.stringify({ redactor }), '{"redactor":"Redactor"}');
  });
});
