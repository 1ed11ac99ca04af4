// @vitest-environment jsdom
import { bootApp } from '../../../src/app/boot';
import { classifyFailure, ZendeskError } from '../../../src/zendesk/errors';
import { wrapSdk, type Zendesk } from '../../../src/zendesk/zaf-client';
import type { ZafSdkClient } from 'zendesk_app_framework_sdk';

// Boot failures come from Zendesk (its context or metadata); none may be shown as a bug of the app.
const sdkWith = (overrides: Partial<Record<'context' | 'metadata', () => Promise<unknown>>>) =>
  ({ context: () => Promise.resolve({ location: 'ticket_sidebar' }), metadata: () => Promise.resolve({ settings: {} }), ...overrides }) as unknown as ZafSdkClient;

const boot = (zendesk: Zendesk) => bootApp({ state: 'connected', zendesk, registered: Promise.resolve(true) });

describe('boot failures are Zendesk failures', () => {
  it('a context of the wrong shape is malformed', async () => {
    const error = await boot(wrapSdk(sdkWith({ context: () => Promise.resolve({ where: 'x' }) }))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZendeskError);
    expect(classifyFailure(error).kind).toBe('malformed');
  });

  it('metadata that ZAF refuses is a ZAF failure, and one that times out a timeout', async () => {
    const refused = await boot(wrapSdk(sdkWith({ metadata: () => Promise.reject(new Error('no metadata')) }))).catch((e: unknown) => e);
    expect(classifyFailure(refused).kind).toBe('zaf');
    const timedOut = await boot(wrapSdk(sdkWith({ metadata: () => Promise.resolve({ name: 'TimeoutError', message: 'metadata timed out' }) }))).catch((e: unknown) => e);
    expect(classifyFailure(timedOut).kind).toBe('timeout');
  });
});
