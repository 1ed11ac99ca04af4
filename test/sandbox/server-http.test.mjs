import http from 'node:http';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/rest/http/start.mjs';
import { resolveFile } from '../../sandbox/rest/http/static-files.mjs';
import { httpAs, spawnSandbox, tempDir } from './helpers.mjs';

/** A raw request: fetch would normalize "..", this does not. */
function rawGet(origin, rawPath) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function makeAppDirs() {
  const root = tempDir();
  const app = path.join(root, 'dist');
  mkdirSync(path.join(app, 'assets', 'empty'), { recursive: true });
  writeFileSync(path.join(app, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(path.join(app, 'assets', 'main.js'), 'console.log(1)');
  writeFileSync(path.join(app, 'assets', 'main.css'), 'body{}');
  writeFileSync(path.join(app, 'manifest.json'), JSON.stringify({ version: '9.9.9' }));
  writeFileSync(path.join(app, 'assets', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(path.join(app, 'assets', 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(root, 'secret.txt'), 'TOP SECRET');
  const probe = path.join(root, 'probe');
  mkdirSync(probe);
  writeFileSync(path.join(probe, 'index.html'), '<!doctype html><title>probe</title>');
  return { root, app, probe, state: path.join(root, 'state', 'sandbox.json') };
}

describe('sandbox server over HTTP', () => {
  const dirs = makeAppDirs();
  /** @type {Awaited<ReturnType<typeof spawnSandbox>>} */
  let sandbox;
  const args = ['--app-dir', dirs.app, '--probe-dir', dirs.probe, '--state-file', dirs.state];

  beforeAll(async () => {
    sandbox = await spawnSandbox([...args, '--fresh']);
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  it('updates a ticket and persists it before answering (survives kill -9 and a restart)', async () => {
    const agent = httpAs(sandbox.hostOrigin, 2001);
    const res = await agent('PUT', '/api/v2/tickets/101.json', { ticket: { subject: '[CONSULT TÉCNICA] Nota gravada com valor negativo', comment: { body: 'Olá!', public: true } } });
    expect(res.status).toBe(200);
    const { audit } = await res.json();
    expect(audit.events.map((e) => e.type)).toEqual(['Comment', 'Change', 'Change']);
    await sandbox.stop('SIGKILL');
    sandbox = await spawnSandbox(args);
    const again = await (await httpAs(sandbox.hostOrigin, 2001)('GET', '/api/v2/tickets/101')).json();
    expect(again.ticket.subject).toBe('[CONSULT TÉCNICA] Nota gravada com valor negativo');
    const config = await (await fetch(`${sandbox.hostOrigin}/__sandbox/config`)).json();
    expect(config).toMatchObject({ hostOrigin: sandbox.hostOrigin, appOrigin: sandbox.appOrigin, app: { version: '9.9.9' } });
    await sandbox.stop();
    sandbox = await spawnSandbox([...args, '--fresh']);
    const fresh = await (await httpAs(sandbox.hostOrigin, 2001)('GET', '/api/v2/tickets/101')).json();
    expect(fresh.ticket.subject).toBe('Nota gravada com valor negativo');
  });

  it('POST /__sandbox/reset restores the fixtures', async () => {
    const agent = httpAs(sandbox.hostOrigin, 2001);
    await agent('PUT', '/api/v2/tickets/104', { ticket: { status: 'solved' } });
    expect((await agent('POST', '/__sandbox/reset')).status).toBe(200);
    expect((await (await agent('GET', '/api/v2/tickets/104')).json()).ticket.status).toBe('open');
  });

  it('faults over HTTP: 429 with Retry-After, 500, malformed JSON, and a hang the client must time out', async () => {
    const agent = httpAs(sandbox.hostOrigin, 2001);
    await agent('POST', '/__sandbox/faults', { path: '^/api/v2/tickets/102$', status: 429, retryAfter: 3 });
    const limited = await agent('GET', '/api/v2/tickets/102.json');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    await agent('POST', '/__sandbox/faults', { path: 'tickets/102', status: 500 });
    expect((await agent('GET', '/api/v2/tickets/102')).status).toBe(500);
    await agent('POST', '/__sandbox/faults', { path: 'tickets/102', malformed: true });
    await expect((await agent('GET', '/api/v2/tickets/102')).json()).rejects.toThrow();
    await agent('POST', '/__sandbox/faults', { path: 'tickets/102', hang: true });
    await expect(agent('GET', '/api/v2/tickets/102', undefined, { signal: AbortSignal.timeout(400) })).rejects.toThrow(/timeout|aborted/i);
    expect((await agent('GET', '/api/v2/tickets/102')).status).toBe(200);
  });

  it('export search rate limit is configurable through /__sandbox/limits', async () => {
    const agent = httpAs(sandbox.hostOrigin, 2003);
    expect((await agent('PUT', '/__sandbox/limits', { exportSearchPerMinute: 2 })).status).toBe(200);
    const url = '/api/v2/search/export?query=status%3Aopen&filter[type]=ticket';
    expect((await agent('GET', url)).status).toBe(200);
    expect((await agent('GET', url)).status).toBe(200);
    const third = await agent('GET', url);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    await agent('PUT', '/__sandbox/limits', { exportSearchPerMinute: 100 });
  });

  it('serves the app with correct MIME types, /probe/, and no directory listing', async () => {
    const expectations = [
      ['/', 'text/html; charset=utf-8'],
      ['/index.html', 'text/html; charset=utf-8'],
      ['/assets/main.js', 'text/javascript; charset=utf-8'],
      ['/assets/main.css', 'text/css; charset=utf-8'],
      ['/manifest.json', 'application/json; charset=utf-8'],
      ['/assets/logo.png', 'image/png'],
      ['/assets/icon.svg', 'image/svg+xml'],
    ];
    for (const [p, type] of expectations) {
      const res = await fetch(sandbox.appOrigin + p);
      expect([p, res.status, res.headers.get('content-type')]).toEqual([p, 200, type]);
    }
    expect(await (await fetch(`${sandbox.appOrigin}/probe/`)).text()).toContain('probe');
    expect((await fetch(`${sandbox.appOrigin}/assets/empty/`)).status).toBe(404);
    expect((await fetch(`${sandbox.appOrigin}/assets/`)).status).toBe(404);
    expect((await fetch(`${sandbox.appOrigin}/nope.js`)).status).toBe(404);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/../../secret.txt', '/probe/../../secret.txt', '/probe/%2e%2e/%2e%2e/secret.txt', '/%2e%2e%5csecret.txt', '/..%00/secret.txt'])(
    'refuses path traversal: %s',
    async (rawPath) => {
      const res = await rawGet(sandbox.appOrigin, rawPath);
      expect([400, 403, 404]).toContain(res.status);
      expect(res.body).not.toContain('TOP SECRET');
      const host = await rawGet(sandbox.hostOrigin, rawPath.replace('secret.txt', 'package.json'));
      expect([400, 403, 404]).toContain(host.status);
      expect(host.body).not.toContain('"devDependencies"');
    },
  );
});

describe('sandbox server in-process', () => {
  it('answers 404 on the host page when sandbox/host is missing, and stays up', async () => {
    const dirs = makeAppDirs();
    const sandbox = await startSandbox({ hostPort: 0, appPort: 0, hostDir: path.join(dirs.root, 'no-host'), appDir: dirs.app, stateFile: dirs.state, fresh: true });
    try {
      expect((await fetch(`${sandbox.hostOrigin}/`)).status).toBe(404);
      expect((await fetch(`${sandbox.hostOrigin}/api/v2/users/me`, { headers: { 'x-sandbox-user-id': '2201' } })).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });
});

describe('resolveFile (each layer of the traversal defence on its own)', () => {
  it('refuses dot segments before touching the disk', async () => {
    const { app } = makeAppDirs();
    expect(await resolveFile(app, '/assets/%2e%2e/%2e%2e/secret.txt')).toEqual({ status: 403, message: 'Forbidden' });
    expect(await resolveFile(app, '/%E0%A4%A')).toEqual({ status: 400, message: 'Bad request' });
  });

  it('refuses a symlink that leads out of the root', async () => {
    const { app, root } = makeAppDirs();
    symlinkSync(path.join(root, 'secret.txt'), path.join(app, 'leak.txt'));
    expect(await resolveFile(app, '/leak.txt')).toEqual({ status: 404, message: 'Not found' });
    expect(await resolveFile(app, '/assets/main.js')).toEqual({ file: realpathSync(path.join(app, 'assets', 'main.js')) });
  });
});
