// Starts a private sandbox (its own ports and state file) and a headless Chromium for one test file.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const ROOT = new URL('../../..', import.meta.url).pathname;

/** Flags for a root, offline machine: no sandbox, no background calls to Google's hosts. */
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export function launchBrowser(extraArgs = []) {
  return chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, ...extraArgs] });
}

/**
 * A browser with a regular profile, as an agent's Chrome is by default: third-party frames (a
 * Zendesk app is one) keep their storage. Playwright's usual contexts are incognito-like, and
 * Debian's Chromium ships with third-party storage blocked, so tests of what survives a reload
 * need this kind. `close()` also removes the profile.
 */
export async function launchAgentProfile(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'agent-profile-'));
  const args = [...chromiumArgs, '--disable-features=TrackingProtection3pcd,ThirdPartyCookieDeprecationTrial,BlockThirdPartyCookies'];
  const context = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath, args, ...options });
  const close = context.close.bind(context);
  context.close = async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  };
  return context;
}

/**
 * `node sandbox/server.mjs` on free ports with a fresh state file. Resolves once it printed its
 * origins. `api()` calls the host origin (REST emulation and /__sandbox controls).
 */
export async function startSandbox(extraArgs = []) {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-'));
  const child = spawn(process.execPath, [join(ROOT, 'sandbox/server.mjs'), '--host-port', '0', '--app-port', '0', '--fresh', '--state-file', join(dir, 'state.json'), ...extraArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origins = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error('sandbox did not start in 20 s')), 20_000);
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line));
    });
  });
  const api = async (path, { method = 'GET', body, userId } = {}) => {
    const response = await fetch(origins.hostOrigin + path, {
      method,
      headers: { 'content-type': 'application/json', ...(userId ? { 'X-Sandbox-User-Id': String(userId) } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    ...origins,
    api,
    async stop() {
      child.kill();
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the workspace on a ticket with the built app in its sidebar; resolves with the page and
 * the app's frame once the app shows its checklist.
 */
export async function openTicketWithApp(context, sandbox, ticketId) {
  const page = await context.newPage();
  await page.goto(`${sandbox.hostOrigin}/#/tickets/${ticketId}`);
  const app = await appFrame(page);
  await app.locator('[data-testid="checklist"]').waitFor();
  return { page, app };
}

/**
 * The sidebar has its ticket and audits and has stopped resizing, so a click lands where it
 * aims (the frame grows as deadlines and history arrive, moving what is below).
 */
export async function settled(app) {
  await app.locator('[data-testid="sidebar"][aria-busy="false"] [data-testid="checklist"][aria-busy="false"]').waitFor({ timeout: 15_000 });
  await stableLayout(app);
}

/**
 * Waits until the frame's content has kept its height for half a second (parts drawn after the first
 * paint — the time log, the Unit's panel — arrive as their chunks load), at most 10 s.
 */
export async function stableLayout(frame) {
  await frame.waitForFunction(
    () => {
      const state = (window.__layoutProbe ??= { height: -1, since: 0 });
      const height = document.documentElement.scrollHeight;
      const now = performance.now();
      if (height !== state.height) Object.assign(state, { height, since: now });
      return now - state.since >= 500;
    },
    null,
    { timeout: 10_000, polling: 100 },
  );
}

/** Clicks an element of the app once the sidebar has settled. */
export async function clickWhenSettled(app, locator) {
  await settled(app);
  await locator.click();
}

/** The visible ticket's app iframe as a Playwright frame. */
export async function appFrame(page) {
  const handle = await page.locator('iframe[data-testid="app-sidebar"]').elementHandle({ timeout: 15_000 });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the app sidebar has no frame');
  return frame;
}

/** The open ticket as the workspace holds it: saved, unsaved draft, and what the agent sees. */
export function hostTicket(page) {
  return page.evaluate(() => window.sandbox.ticket());
}

/**
 * For a test file: a browser (or, with `launch: launchAgentProfile`-like, a regular profile) and a
 * private sandbox, started before its tests and stopped after them. `ready(browser, sandbox)`
 * receives both once they are up.
 */
export function withBrowserAndSandbox(ready, { sandboxArgs = [], launch = launchBrowser } = {}) {
  let browser;
  let sandbox;
  before(async () => {
    [browser, sandbox] = await Promise.all([launch(), startSandbox(sandboxArgs)]);
    ready(browser, sandbox);
  });
  after(async () => {
    await browser?.close();
    await sandbox?.stop();
  });
}
