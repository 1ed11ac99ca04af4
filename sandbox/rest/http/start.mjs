/**
 * Starts the two origins, like Zendesk: the host (agent workspace page, REST emulation, sandbox controls)
 * and the app (the built app as Zendesk's CDN would serve it, plus /probe/).
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { requirementsDigest } from '../../fixtures/custom-objects.mjs';
import { STATE_SCHEMA } from '../../fixtures/index.mjs';
import { createEmulator } from '../index.mjs';
import { createPersister, loadState } from './state-file.mjs';
import { serveStatic } from './static-files.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'content-type, authorization, x-sandbox-user-id, x-sandbox-via, x-sandbox-origin',
  'access-control-expose-headers': 'retry-after',
};

function appVersion(appDir) {
  for (const file of [path.join(appDir, 'manifest.json'), path.join(REPO_ROOT, 'package.json')]) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')).version ?? null;
    } catch {
      // next candidate
    }
  }
  return null;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(Object.assign(new Error('body too large'), { status: 413 }));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address().port));
  });
}

/** Keeps the sockets so close() can end hung requests too. */
function trackSockets(server) {
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return () => new Promise((resolve) => {
    server.close(() => resolve());
    for (const socket of sockets) socket.destroy();
  });
}

/**
 * @param {{hostPort?: number, appPort?: number, appDir?: string, probeDir?: string, hostDir?: string, stateFile?: string,
 *   fresh?: boolean, fixtures?: 'demo'|'big', noRateLimits?: boolean, now?: () => number}} [options]
 */
export async function startSandbox(options = {}) {
  const appDir = path.resolve(options.appDir ?? path.join(REPO_ROOT, 'dist'));
  const probeDir = path.resolve(options.probeDir ?? path.join(REPO_ROOT, '.tmp/probe-dist'));
  const hostDir = path.resolve(options.hostDir ?? path.join(REPO_ROOT, 'sandbox/host'));
  const stateFile = path.resolve(options.stateFile ?? path.join(REPO_ROOT, 'sandbox/.state.json'));
  const fixtures = options.fixtures ?? 'demo';
  const saved = options.fresh ? null : await loadState(stateFile);
  // A state saved under another requirements.json holds custom objects the app no longer declares.
  const usable = saved?.schema === STATE_SCHEMA && saved.fixtures === fixtures && saved.requirements === requirementsDigest() ? saved : null;

  const hostServer = http.createServer();
  const appServer = http.createServer();
  const closeHost = trackSockets(hostServer);
  const closeApp = trackSockets(appServer);
  const hostPort = await listen(hostServer, options.hostPort ?? 4567, 'localhost');
  const appPort = await listen(appServer, options.appPort ?? 4568, '127.0.0.1');
  const hostOrigin = `http://localhost:${hostPort}`;
  const appOrigin = `http://127.0.0.1:${appPort}`;

  const emulator = createEmulator({
    fixtures,
    state: usable ?? undefined,
    now: options.now,
    limits: options.noRateLimits ? { exportSearchPerMinute: null } : undefined,
    appOrigin,
    hostOrigin,
    appVersion: appVersion(appDir),
  });
  const persister = createPersister(stateFile, () => emulator.state);
  if (!usable) await persister.persist(emulator.revision);

  hostServer.on('request', async (req, res) => {
    try {
      const pathname = (req.url ?? '/').split('?')[0];
      if (!pathname.startsWith('/api/v2/') && !pathname.startsWith('/__sandbox/')) return await serveStatic(req, res, hostDir, pathname);
      if (req.method === 'OPTIONS') return res.writeHead(204, CORS).end();
      const body = await readBody(req);
      const before = emulator.revision;
      const response = await emulator.handle({ method: req.method ?? 'GET', url: req.url ?? '/', headers: /** @type {any} */ (req.headers), body });
      if (emulator.revision !== before) await persister.persist(emulator.revision);
      res.writeHead(response.status, { ...CORS, ...response.headers });
      if (response.body === null || response.body === undefined) res.end();
      else res.end(typeof response.body === 'string' ? response.body : JSON.stringify(response.body));
    } catch (error) {
      if (res.headersSent) return res.destroy();
      res.writeHead(error?.status ?? 500, { 'content-type': 'application/json; charset=utf-8', ...CORS });
      res.end(JSON.stringify({ error: 'InternalError', description: String(error?.message ?? error) }));
    }
  });

  appServer.on('request', async (req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    try {
      if (pathname === '/probe') return res.writeHead(301, { location: '/probe/' }).end();
      if (pathname.startsWith('/probe/')) return await serveStatic(req, res, probeDir, pathname.slice('/probe'.length));
      return await serveStatic(req, res, appDir, pathname);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error?.message ?? error));
    }
  });

  return {
    hostOrigin,
    appOrigin,
    emulator,
    stateFile,
    async close() {
      await Promise.all([closeHost(), closeApp()]);
    },
  };
}
