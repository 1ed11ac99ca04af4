import * as v from 'valibot';
import { ZendeskError } from '../../../src/zendesk/errors';
import { restRequest, type RetryPolicy } from '../../../src/zendesk/rest';

const schema = v.object({ ok: v.boolean() });

/** A transport that plays back answers in order, as ZAF hands them over (resolve or reject). */
function transport(answers: Array<{ resolve?: unknown; reject?: unknown } | 'hang'>) {
  const calls: Array<Record<string, unknown>> = [];
  return {
    calls,
    request(options: Record<string, unknown>) {
      calls.push(options);
      const next = answers.shift();
      if (!next || next === 'hang') return new Promise<unknown>(() => {});
      return next.reject !== undefined ? Promise.reject(next.reject) : Promise.resolve(next.resolve);
    },
  };
}

function policy(): RetryPolicy & { waits: number[] } {
  const waits: number[] = [];
  return { attempts: 4, timeoutMs: 20, maxWaitMs: 20_000, waits, sleep: async (ms) => void waits.push(ms) };
}

const ok = { resolve: { status: 200, responseJSON: { ok: true }, responseText: '{"ok":true}', headers: {} } };
const fail = (status: number, headers: unknown = {}, body: unknown = { error: 'E', description: 'D' }) => ({ reject: { status, statusText: 'x', responseJSON: body, responseText: JSON.stringify(body), headers } });

describe('restRequest', () => {
  it('asks ZAF for the complete response and no automatic retry', async () => {
    const t = transport([ok]);
    await expect(restRequest(t, { url: '/api/v2/x.json' }, schema, policy())).resolves.toEqual({ ok: true });
    expect(t.calls[0]).toMatchObject({ url: '/api/v2/x.json', type: 'GET', httpCompleteResponse: true, autoRetry: false });
  });

  it('waits for Retry-After on 429, then succeeds', async () => {
    const p = policy();
    const t = transport([fail(429, { 'Retry-After': '7' }), fail(429, 'content-type: json\r\nretry-after: 2\r\n'), ok]);
    await expect(restRequest(t, { url: '/api/v2/x.json', method: 'POST', body: { a: 1 } }, schema, p)).resolves.toEqual({ ok: true });
    expect(p.waits).toEqual([7000, 2000]);
    expect(t.calls).toHaveLength(3);
    expect(t.calls[0]).toMatchObject({ type: 'POST', contentType: 'application/json', data: '{"a":1}' });
  });

  it('backs off exponentially on 429 without Retry-After and gives up after the attempts', async () => {
    const p = policy();
    const t = transport([fail(429), fail(429), fail(429), fail(429)]);
    const error = await restRequest(t, { url: '/u' }, schema, p).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZendeskError);
    expect((error as ZendeskError).kind).toBe('rate_limited');
    expect(p.waits).toEqual([1000, 2000, 4000]);
  });

  it('reports a Retry-After longer than we accept instead of freezing the sidebar', async () => {
    const p = policy();
    const t = transport([fail(429, { 'retry-after': '120' })]);
    const error = (await restRequest(t, { url: '/u' }, schema, p).catch((e: unknown) => e)) as ZendeskError;
    expect(error.kind).toBe('rate_limited');
    expect(p.waits).toEqual([]);
  });

  it('with waitOnRateLimit false, throws a 429 at once with its Retry-After (the caller paces and tells the user)', async () => {
    const p = policy();
    const t = transport([fail(429, { 'retry-after': '12' }), ok]);
    const error = (await restRequest(t, { url: '/api/v2/search/export.json?query=x', waitOnRateLimit: false }, schema, p).catch((e: unknown) => e)) as ZendeskError;
    expect(error).toBeInstanceOf(ZendeskError);
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 12_000 });
    expect(t.calls).toHaveLength(1);
    expect(p.waits).toEqual([]);
    // Without Retry-After the error says so (undefined), and a 500 is still retried as before.
    const bare = (await restRequest(transport([fail(429)]), { url: '/x', waitOnRateLimit: false }, schema, p).catch((e: unknown) => e)) as ZendeskError;
    expect(bare.retryAfterMs).toBeUndefined();
    await expect(restRequest(transport([fail(500), ok]), { url: '/x', waitOnRateLimit: false }, schema, p)).resolves.toEqual({ ok: true });
  });

  it('retries a 500 for an idempotent call but never for a plain POST', async () => {
    const get = transport([fail(500), ok]);
    await expect(restRequest(get, { url: '/u' }, schema, policy())).resolves.toEqual({ ok: true });
    const post = transport([fail(500), ok]);
    const error = (await restRequest(post, { url: '/u', method: 'POST' }, schema, policy()).catch((e: unknown) => e)) as ZendeskError;
    expect(error.kind).toBe('server');
    expect(error.detail).toBe('E: D');
    expect(post.calls).toHaveLength(1);
  });

  it('times out a request ZAF never answers', async () => {
    const t = transport(['hang', 'hang', 'hang', 'hang']);
    const p = { ...policy(), attempts: 2, timeoutMs: 1 };
    const error = (await restRequest(t, { url: '/u' }, schema, p).catch((e: unknown) => e)) as ZendeskError;
    expect(error.kind).toBe('timeout');
    expect(t.calls).toHaveLength(2);
  });

  it.each([
    ['a body that is not JSON', { status: 200, responseText: '<html>oops' }],
    ['JSON of the wrong shape', { status: 200, responseJSON: { ok: 'yes' } }],
  ])('rejects %s as malformed', async (_, answer) => {
    const error = (await restRequest(transport([{ resolve: answer }]), { url: '/u' }, schema, policy()).catch((e: unknown) => e)) as ZendeskError;
    expect(error.kind).toBe('malformed');
  });

  it('maps statuses to kinds the user is told about', async () => {
    for (const [status, kind] of [[409, 'conflict'], [403, 'forbidden'], [404, 'not_found'], [422, 'invalid'], [0, 'network']] as const) {
      const error = (await restRequest(transport([fail(status)]), { url: '/u', method: 'PUT' }, schema, policy()).catch((e: unknown) => e)) as ZendeskError;
      expect(error.kind).toBe(kind);
    }
  });
});
