/** Test helpers: an emulator driven as a module, and the real server started as a child process. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmulator } from '../../sandbox/rest/index.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A controllable clock (ms). */
export function fakeClock(start = Date.parse('2026-03-02T13:00:00Z')) {
  let t = start;
  const now = () => t;
  now.advance = (ms) => {
    t += ms;
  };
  return now;
}

/** @param {Parameters<typeof createEmulator>[0]} [options] */
export function makeEmulator(options) {
  const emulator = createEmulator(options);
  /** Request as a user (default: agent 2001). */
  const as = (userId) => (method, url, body) =>
    emulator.handle({ method, url, headers: userId === undefined ? {} : { 'X-Sandbox-User-Id': String(userId) }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { emulator, as, agent: as(2001), admin: as(2201), endUser: as(1001) };
}

export const tempDir = (prefix = 'sandbox-test-') => mkdtempSync(path.join(tmpdir(), prefix));

/**
 * Starts `node sandbox/server.mjs` with ports 0 and resolves with its origins once it printed them.
 * @param {string[]} args
 */
export function spawnSandbox(args) {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'sandbox/server.mjs'), '--host-port', '0', '--app-port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    let out = '';
    const fail = (why) => reject(new Error(`${why}\n${stderr}`));
    child.on('exit', (code) => fail(`sandbox exited early (${code})`));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n')[0];
      if (!out.includes('\n')) return;
      child.removeAllListeners('exit');
      const origins = JSON.parse(line);
      const stop = (signal = 'SIGTERM') =>
        new Promise((done) => {
          if (child.exitCode !== null) return done(undefined);
          child.once('exit', () => done(undefined));
          child.kill(signal);
        });
      resolve({ ...origins, child, stop });
    });
  });
}

/** fetch as a user against a running sandbox. */
export function httpAs(hostOrigin, userId) {
  return (method, pathname, body, init = {}) =>
    fetch(hostOrigin + pathname, {
      method,
      headers: { 'content-type': 'application/json', 'x-sandbox-user-id': String(userId) },
      body: body === undefined ? undefined : JSON.stringify(body),
      ...init,
    });
}
