import { chunkLoader } from '../../../src/zendesk/chunk';
import { ChunkLoadError, ZendeskError, classifyFailure, toZendeskError } from '../../../src/zendesk/errors';

describe('chunkLoader', () => {
  it('re-imports after a failure instead of keeping the rejected promise, and keeps a success', async () => {
    const module = { answer: 42 };
    const load = vi.fn<() => Promise<typeof module>>().mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module: x.js')).mockResolvedValue(module);
    const code = chunkLoader(load);

    const failure = await code().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ChunkLoadError);
    expect((failure as ChunkLoadError).cause).toBeInstanceOf(TypeError);

    expect(await code()).toBe(module);
    expect(await code()).toBe(module);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shares one request between callers while it is in flight', async () => {
    const load = vi.fn(() => Promise.resolve({ ok: true }));
    const code = chunkLoader(load);
    const [a, b] = await Promise.all([code(), code()]);
    expect(a).toBe(b);
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('classifyFailure: what the agent is told about whatever was thrown', () => {
  it('keeps a ZendeskError’s kind and detail', () => {
    expect(classifyFailure(new ZendeskError('conflict', '409', { detail: 'ticket 5' }))).toEqual({ kind: 'conflict', detail: 'ticket 5', reference: null });
  });

  it('tells a chunk that did not arrive from a bug', () => {
    expect(classifyFailure(new ChunkLoadError(new TypeError('Failed to fetch dynamically imported module: https://cdn/x.js'))).kind).toBe('app_load');
  });

  it('calls a TypeError in our own code internal, with a short reference, not a Zendesk failure', () => {
    const failure = classifyFailure(new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(failure.kind).toBe('internal');
    expect(failure.reference).toBe("TypeError: Cannot read properties of undefined (reading 'id')");
  });

  it('keeps the reference short and on one line, whatever was thrown', () => {
    const long = classifyFailure(new Error(`<html>\n<body>${'x'.repeat(500)}</body></html>`));
    expect(long.kind).toBe('internal');
    expect(long.reference!.length).toBeLessThanOrEqual(120);
    expect(long.reference).not.toContain('\n');
    expect(classifyFailure('boom')).toEqual({ kind: 'internal', detail: null, reference: 'boom' });
    expect(classifyFailure(undefined).kind).toBe('internal');
  });

  it('leaves toZendeskError for what a ZAF call rejected with: there an Error is a ZAF failure', () => {
    expect(toZendeskError(new Error('no such path')).kind).toBe('zaf');
  });
});
