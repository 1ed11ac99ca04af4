// E2E: a lazy chunk of the built app that does not arrive (offline, a deploy replacing the assets).
// The frame shows a message with Retry instead of going blank; once the file is served again,
// Retry requests it anew (React keeps a failed lazy() for good: the app must not) and the real UI
// comes back. Requests are failed with Playwright's page.route, as a dropped connection would.
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appFrame, withBrowserAndSandbox } from './support/harness.mjs';

let browser;
let sandbox;
withBrowserAndSandbox((b, s) => {
  browser = b;
  sandbox = s;
});

/** No serious or critical axe violation in the sidebar frame (as a11y.test.mjs checks every other state). */
async function assertAccessible(page, state) {
  const results = await new AxeBuilder({ page }).include(['iframe[data-testid="app-sidebar"]', 'html']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help}`);
  assert.ok(results.passes.length > 0, `axe ran no rule (${state})`);
  assert.deepEqual(blocking, [], `serious/critical axe violations (${state})`);
}

/**
 * A browser context whose requests for the built chunk `name` (e.g. TimeLogSection-<hash>.js) fail
 * until `serve()` is called; `requests()` counts the tries.
 */
async function contextFailing(name) {
  await sandbox.api('/__sandbox/reset', { method: 'POST' });
  const context = await browser.newContext({ locale: 'pt-BR' });
  const pattern = new RegExp(`/assets/${name}-[\\w-]+\\.js$`);
  let failing = true;
  let tries = 0;
  await context.route(pattern, (route) => {
    tries += 1;
    return failing ? route.abort('internetdisconnected') : route.continue();
  });
  return { context, serve: () => void (failing = false), requests: () => tries };
}

test('the time log chunk fails: the checklist stays, the time log says it did not load, Retry brings it', async () => {
  const { context, serve, requests } = await contextFailing('TimeLogSection');
  try {
    const page = await context.newPage();
    await page.goto(`${sandbox.hostOrigin}/#/tickets/101`);
    const app = await appFrame(page);
    const notice = app.getByTestId('error-notice');
    await notice.waitFor({ timeout: 15_000 });
    assert.match(await notice.textContent(), /Uma parte do app não carregou/);
    assert.equal(await app.getByTestId('checklist').isVisible(), true, 'the rest of the sidebar is still drawn');
    assert.equal(await app.getByTestId('timelog').count(), 0);
    await assertAccessible(page, 'time log that did not load');
    const triesBefore = requests();
    assert.ok(triesBefore >= 1);

    serve();
    await notice.getByRole('button', { name: 'Tentar de novo' }).click();
    await app.getByTestId('timelog').waitFor({ timeout: 15_000 });
    assert.ok(requests() > triesBefore, 'Retry requested the chunk again');
    assert.equal(await app.getByTestId('error-notice').count(), 0);
  } finally {
    await context.close();
  }
});

test('the notice chunk fails while a ZAF call times out: the error shows as plain text with its Retry, which works', async () => {
  const { context, serve } = await contextFailing('NoticeView');
  try {
    const page = await context.newPage();
    const faults = encodeURIComponent(JSON.stringify([{ request: 'get', path: 'ticket.subject', mode: 'timeout', times: 1 }]));
    await page.goto(`${sandbox.hostOrigin}/?tickets=101&zafFaults=${faults}#/tickets/101`);
    const app = await appFrame(page);
    const notice = app.getByTestId('error-notice');
    await notice.waitFor({ timeout: 15_000 });
    assert.equal(await notice.getAttribute('role'), 'alert');
    assert.equal(await notice.getAttribute('data-garden-id'), null, 'the plain-text stand-in, not Garden’s Alert');
    await assertAccessible(page, 'plain-text error notice');
    assert.match(await notice.textContent(), /Não foi possível concluir.*O Zendesk demorou demais para responder/s);

    serve();
    await notice.getByRole('button', { name: 'Tentar de novo' }).click();
    await app.getByTestId('checklist').waitFor({ timeout: 15_000 });
  } finally {
    await context.close();
  }
});

test('the dashboard chunk fails: the nav bar frame says so instead of going blank, Retry loads the dashboard', async () => {
  const { context, serve } = await contextFailing('Dashboard');
  try {
    const page = await context.newPage();
    await page.goto(`${sandbox.hostOrigin}/#/dashboard`);
    const handle = await page.locator('iframe[data-testid="app-navbar"]').elementHandle({ timeout: 15_000 });
    const frame = await handle.contentFrame();
    const notice = frame.getByTestId('error-notice');
    await notice.waitFor({ timeout: 15_000 });
    assert.match(await notice.textContent(), /Uma parte do app não carregou/);

    serve();
    await notice.getByRole('button', { name: 'Tentar de novo' }).click();
    await frame.getByTestId('dashboard').or(frame.getByTestId('dashboard-booting')).first().waitFor({ timeout: 30_000 });
  } finally {
    await context.close();
  }
});
