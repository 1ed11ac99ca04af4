// E2E: the time log in the sandbox workspace, through the real ZAF SDK, in a regular browser
// profile (the app frame keeps its localStorage): a session timed across a reload and a tab
// switch, saves retried through 429s and a 500, and a save made while the REST emulation is down.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appFrame, launchAgentProfile, openTicketWithApp, settled, withBrowserAndSandbox } from './support/harness.mjs';

const RECORDS = '/api/v2/custom_objects/consultoria_apontamento/records';
let context;
let sandbox;
withBrowserAndSandbox(
  (c, s) => {
    context = c;
    sandbox = s;
  },
  { launch: () => launchAgentProfile({ locale: 'pt-BR' }) },
);

async function fresh(ticketId) {
  await sandbox.api('/__sandbox/reset', { method: 'POST' });
  await sandbox.api('/__sandbox/faults', { method: 'DELETE' });
  for (const page of context.pages()) await page.close();
  const opened = await openTicketWithApp(context, sandbox, ticketId);
  // Each test starts with an empty app storage (timer, drafts, outbox).
  await opened.app.evaluate(() => localStorage.clear());
  await opened.page.reload();
  return { page: opened.page, app: await readyApp(opened.page) };
}

/** The app with its time log shown and the checklist above it done loading, so nothing moves under a click. */
async function readyApp(page) {
  const app = await appFrame(page);
  await app.locator('[data-testid="timer-card"]').waitFor({ timeout: 15_000 });
  await settled(app);
  return app;
}

async function records(ticketId) {
  const { body } = await sandbox.api(`${RECORDS}/search`, { method: 'POST', body: { filter: { 'custom_object_fields.ticket': { $eq: String(ticketId) } } } });
  return body.custom_object_records;
}

async function fillSession(app, description) {
  const form = app.getByTestId('session-form');
  await form.getByText('Telefone', { exact: true }).click();
  assert.equal(await form.getByTestId('form-channel-phone').isChecked(), true);
  await form.getByTestId('form-description').fill(description);
  await form.getByTestId('form-outcome').fill('Resolvido por telefone.');
  return form;
}

async function fillManual(app, description) {
  await app.getByTestId('timer-manual').click();
  const start = await app.evaluate(() => {
    const d = new Date(Date.now() - 3_600_000);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  });
  await app.getByTestId('form-start').fill(start);
  await app.getByTestId('form-minutes').fill('30');
  return fillSession(app, description);
}

test('a session timed across a reload and a tab switch is ONE public comment and ONE record', async () => {
  let { page, app } = await fresh(101);
  await app.getByTestId('timer-start').click();
  await app.locator('[data-testid="timer-card"][data-status="running"]').waitFor();

  await page.reload();
  app = await readyApp(page);
  assert.equal(await app.getByTestId('timer-card').getAttribute('data-status'), 'running', 'still running after the reload');

  await page.getByTestId('tab-dashboard').click();
  await page.waitForFunction(() => window.sandbox.instances().some((i) => i.ticketId === 101 && !i.active));
  await page.evaluate(() => window.sandbox.openTicket(101));
  app = await readyApp(page);
  await app.locator('[data-testid="timer-card"][data-status="running"]').waitFor();

  await app.getByTestId('timer-stop').click();
  const form = await fillSession(app, 'Numeração de <notas> & séries');
  assert.equal(await form.getByTestId('form-minutes').inputValue(), '1');
  await form.getByTestId('form-save').dblclick();
  await app.getByTestId('timelog-saved').waitFor();
  await app.locator('[data-testid="timelog-record"]').waitFor();

  await page.getByTestId('submit').click();
  await page.waitForFunction(() => window.sandbox.ticket()?.dirty.length === 0);
  const { body } = await sandbox.api('/api/v2/tickets/101/comments.json');
  const sessionComments = body.comments.filter((c) => c.body.includes('Registro de atendimento'));
  assert.equal(sessionComments.length, 1);
  assert.equal(sessionComments[0].public, true);
  assert.match(sessionComments[0].body, /Duração: 1 min/);
  assert.match(sessionComments[0].body, /Numeração de <notas> & séries/);
  const stored = await records(101);
  assert.equal(stored.length, 1);
  assert.equal(stored[0].custom_object_fields.minutes, 1);
  assert.equal(await app.getByTestId('timer-card').getAttribute('data-status'), 'idle');
});

test('the same save retried after 429s and a 500 yields exactly one record', async () => {
  const { app } = await fresh(102);
  for (const fault of [
    { method: 'PATCH', path: 'custom_objects/consultoria_apontamento/records', status: 429, retryAfter: 1, times: 2 },
    { method: 'PATCH', path: 'custom_objects/consultoria_apontamento/records', status: 500, times: 1 },
  ]) {
    assert.equal((await sandbox.api('/__sandbox/faults', { method: 'POST', body: fault })).status, 201);
  }
  const form = await fillManual(app, 'Retentativas');
  await form.getByTestId('form-save').click();
  await app.locator('[data-testid="timelog-record"]').waitFor({ timeout: 30_000 });
  assert.equal((await sandbox.api('/__sandbox/faults')).body.faults.length, 0, 'every fault was met');
  await app.getByTestId('pending-retry').waitFor({ state: 'detached' });
  const stored = await records(102);
  assert.equal(stored.length, 1);
  assert.equal(stored[0].custom_object_fields.minutes, 30);
});

test('a record saved while the REST emulation is down appears once it is back, without retyping', async () => {
  let { page, app } = await fresh(103);
  await sandbox.api('/__sandbox/faults', { method: 'POST', body: { path: '/api/v2/custom_objects', status: 503, times: -1 } });
  const form = await fillManual(app, 'Salvo fora do ar');
  await form.getByTestId('form-save').click();
  await app.locator('[data-testid="timelog-pending"]').waitFor({ timeout: 20_000 });

  // The outbox is in the frame's storage: a reload keeps the unsent record.
  await page.reload();
  app = await readyApp(page);
  await app.locator('[data-testid="timelog-pending"]').waitFor({ timeout: 20_000 });
  assert.equal(await app.locator('[data-testid="timelog-pending"]').count(), 1);

  await sandbox.api('/__sandbox/faults', { method: 'DELETE' });
  await app.getByTestId('pending-retry').click();
  await app.locator('[data-testid="timelog-record"]').waitFor({ timeout: 30_000 });
  await app.locator('[data-testid="timelog-pending"]').waitFor({ state: 'detached' });
  const stored = await records(103);
  assert.equal(stored.length, 1);
  assert.equal(stored[0].custom_object_fields.description, 'Salvo fora do ar');
});
