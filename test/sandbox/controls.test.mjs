import { describe, expect, it } from 'vitest';
import { makeEmulator } from './helpers.mjs';

const never = Symbol('no answer');
const within = (promise, ms) => Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(never), ms))]);

describe('sandbox controls', () => {
  it('GET /__sandbox/config describes the installation and the users', async () => {
    const { agent } = makeEmulator({ appOrigin: 'http://127.0.0.1:1', hostOrigin: 'http://localhost:2', appVersion: '1.2.3' });
    const config = (await agent('GET', '/__sandbox/config')).body;
    expect(config).toMatchObject({
      appOrigin: 'http://127.0.0.1:1',
      hostOrigin: 'http://localhost:2',
      account: { subdomain: 'sandbox' },
      app: { id: 900001, installationId: 900101, name: 'Consultoria Técnica', version: '1.2.3' },
      currentUserId: 2001,
    });
    expect(config.settings.module_leads).toContain('"lead_id":2101');
    expect(config.users).toContainEqual({ id: 2201, name: 'Admin Sandbox', role: 'admin' });
  });

  it('switches the current user (used when no X-Sandbox-User-Id is sent) and changes settings', async () => {
    const { as } = makeEmulator();
    const anonymous = as(undefined);
    expect((await anonymous('POST', '/__sandbox/current-user', { id: 2004 })).status).toBe(200);
    expect((await anonymous('GET', '/api/v2/users/me')).body.user.id).toBe(2004);
    expect((await anonymous('POST', '/__sandbox/current-user', { id: 5 })).status).toBe(422);
    const settings = (await anonymous('PUT', '/__sandbox/settings', { schedule_id: '6002', title_prefix: null })).body.settings;
    expect(settings.schedule_id).toBe('6002');
    expect('title_prefix' in settings).toBe(false);
  });

  it('faults: 429 with Retry-After, counted down by `times`, only on matching calls', async () => {
    const { agent } = makeEmulator();
    await agent('POST', '/__sandbox/faults', { method: 'PUT', path: '^/api/v2/tickets/101$', status: 429, retryAfter: 7, times: 2 });
    expect((await agent('GET', '/api/v2/tickets/101')).status).toBe(200);
    for (let i = 0; i < 2; i += 1) {
      const res = await agent('PUT', '/api/v2/tickets/101', { ticket: { status: 'open' } });
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('7');
      expect(res.body.error).toBe('APIRateLimitExceeded');
    }
    expect((await agent('PUT', '/api/v2/tickets/101', { ticket: { status: 'open' } })).status).toBe(200);
  });

  it('faults: 500, malformed 200, custom body, clearing', async () => {
    const { agent } = makeEmulator();
    await agent('POST', '/__sandbox/faults', { path: 'users/me', status: 500 });
    expect((await agent('GET', '/api/v2/users/me')).status).toBe(500);
    await agent('POST', '/__sandbox/faults', { path: 'users/me', malformed: true });
    const malformed = await agent('GET', '/api/v2/users/me');
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(String(malformed.body))).toThrow();
    await agent('POST', '/__sandbox/faults', { path: 'macros', status: 403, body: { error: 'Forbidden', description: 'nope' }, times: -1 });
    expect((await agent('GET', '/api/v2/macros')).body.description).toBe('nope');
    expect((await agent('GET', '/api/v2/macros')).status).toBe(403);
    expect((await agent('DELETE', '/__sandbox/faults')).status).toBe(204);
    expect((await agent('GET', '/api/v2/macros')).status).toBe(200);
    expect((await agent('POST', '/__sandbox/faults', { path: '(' })).status).toBe(400);
  });

  it('faults: hang never answers; delayMs delays the real answer', async () => {
    const { agent } = makeEmulator();
    await agent('POST', '/__sandbox/faults', { path: 'tickets/102$', hang: true });
    expect(await within(agent('GET', '/api/v2/tickets/102'), 300)).toBe(never);
    await agent('POST', '/__sandbox/faults', { path: 'tickets/103$', delayMs: 150 });
    const started = Date.now();
    const delayed = await agent('GET', '/api/v2/tickets/103');
    expect(delayed.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('logs REST calls and clears the log', async () => {
    const { agent, emulator } = makeEmulator();
    await agent('GET', '/api/v2/tickets/101.json');
    await emulator.handle({ method: 'GET', url: '/api/v2/search?query=type:ticket', headers: { 'X-Sandbox-User-Id': '2004', 'X-Sandbox-Origin': 'app' } });
    await agent('GET', '/__sandbox/config');
    const log = (await agent('GET', '/__sandbox/requests')).body.requests;
    expect(log).toEqual([
      { method: 'GET', path: '/api/v2/tickets/101', query: '', status: 200, at: expect.any(String), userId: 2001, origin: null },
      { method: 'GET', path: '/api/v2/search', query: '?query=type:ticket', status: 200, at: expect.any(String), userId: 2004, origin: 'app' },
    ]);
    await agent('DELETE', '/__sandbox/requests');
    expect((await agent('GET', '/__sandbox/requests')).body.requests).toEqual([]);
  });

  it('reset restores the fixtures and clears faults and the log', async () => {
    const { agent, emulator } = makeEmulator();
    await agent('PUT', '/api/v2/tickets/101', { ticket: { subject: 'mudou' } });
    await agent('PATCH', '/api/v2/custom_objects/consultoria_apontamento/records?external_id=x', { custom_object_record: { name: 'x' } });
    await agent('POST', '/__sandbox/faults', { path: 'tickets', status: 500, times: -1 });
    await agent('POST', '/__sandbox/current-user', { id: 2005 });
    const revision = emulator.revision;
    expect((await agent('POST', '/__sandbox/reset')).status).toBe(200);
    expect(emulator.revision).toBeGreaterThan(revision);
    expect((await agent('GET', '/api/v2/tickets/101')).body.ticket.subject).toBe('Nota gravada com valor negativo');
    expect((await agent('GET', '/api/v2/custom_objects/consultoria_apontamento/records')).body.custom_object_records).toEqual([]);
    expect((await agent('GET', '/__sandbox/faults')).body.faults).toEqual([]);
    expect((await agent('GET', '/__sandbox/config')).body.currentUserId).toBe(2001);
    expect((await agent('GET', '/__sandbox/requests')).body.requests).toHaveLength(2);
  });
});
