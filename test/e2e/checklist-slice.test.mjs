// E2E: the built app in the sandbox workspace, through the real ZAF SDK: the title prefix and
// "Data controle" steps, clicked as an agent would, and what the host ticket holds afterwards.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appFrame, hostTicket, openTicketWithApp, withBrowserAndSandbox } from './support/harness.mjs';

let browser;
let sandbox;
withBrowserAndSandbox((b, s) => {
  browser = b;
  sandbox = s;
});

async function fresh() {
  await sandbox.api('/__sandbox/reset', { method: 'POST' });
  return browser.newContext({ locale: 'pt-BR' });
}

const PREFIXED = '[CONSULT TÉCNICA] Conciliação bancária travando';

test('adds the title prefix once, however often it is clicked, and Submit saves it with an audit', async () => {
  const context = await fresh();
  const { page, app } = await openTicketWithApp(context, sandbox, 103);
  const step = app.locator('[data-testid="step-title"]');
  assert.equal(await step.getAttribute('data-status'), 'open');

  const button = step.getByRole('button', { name: 'Adicionar o prefixo' });
  await button.dblclick();
  await app.locator('[data-testid="step-title"][data-status="done"]').waitFor();
  assert.equal(await page.getByTestId('ticket-subject').inputValue(), PREFIXED);
  assert.equal((await hostTicket(page)).saved.subject, '[consult tecnica]  Conciliação bancária travando', 'not saved before Submit');
  assert.equal(await button.count(), 0, 'no prefix button once the title is right');

  await page.getByTestId('submit').click();
  await page.waitForFunction(() => window.sandbox.ticket()?.dirty.length === 0);
  const { body } = await sandbox.api('/api/v2/tickets/103.json');
  assert.equal(body.ticket.subject, PREFIXED);
  const audits = (await sandbox.api('/api/v2/tickets/103/audits.json')).body.audits;
  const subjectChanges = audits.flatMap((a) => a.events).filter((e) => e.type === 'Change' && e.field_name === 'subject');
  assert.equal(subjectChanges.length, 1);
  assert.equal(subjectChanges[0].value, PREFIXED);
  await context.close();
});

test('fills "Data controle" with the date picker and the field is saved on Submit', async () => {
  const context = await fresh();
  const { page, app } = await openTicketWithApp(context, sandbox, 101);
  const step = app.locator('[data-testid="step-date"]');
  assert.notEqual(await step.getAttribute('data-status'), 'done');

  const input = app.getByTestId('data-controle-input');
  await input.fill('10/12/2026');
  await input.press('Enter');
  await app.locator('[data-testid="step-date"][data-status="done"]').waitFor();
  assert.equal(await page.getByTestId('field-9000002').inputValue(), '2026-12-10');
  assert.match(await step.textContent(), /Data controle: 10\/12\/2026/);

  await page.getByTestId('submit').click();
  await page.waitForFunction(() => window.sandbox.ticket()?.dirty.length === 0);
  const { body } = await sandbox.api('/api/v2/tickets/101.json');
  assert.equal(body.ticket.custom_fields.find((f) => f.id === 9000002).value, '2026-12-10');
  await context.close();
});

test('a ZAF timeout and a wrong-shaped answer show a translated error with a retry that recovers', async () => {
  const context = await fresh();
  const page = await context.newPage();
  const faults = encodeURIComponent(JSON.stringify([{ request: 'get', path: 'ticket.subject', mode: 'timeout', times: 1 }]));
  await page.goto(`${sandbox.hostOrigin}/?zafFaults=${faults}#/tickets/101`);
  let app = await appFrame(page);
  const notice = app.getByTestId('error-notice');
  await notice.waitFor({ timeout: 15_000 });
  assert.match(await notice.textContent(), /O Zendesk demorou demais para responder/);
  await notice.getByRole('button', { name: 'Tentar de novo' }).click();
  await app.locator('[data-testid="checklist"]').waitFor();
  assert.equal(await app.getByTestId('error-notice').count(), 0);

  const malformed = encodeURIComponent(JSON.stringify([{ request: 'get', path: 'ticket.tags', mode: 'malformed', times: 1 }]));
  await page.goto(`${sandbox.hostOrigin}/?zafFaults=${malformed}#/tickets/101`);
  app = await appFrame(page);
  await app.getByTestId('error-notice').waitFor();
  assert.match(await app.getByTestId('error-notice').textContent(), /formato inesperado.*ticket\.tags/s);
  await app.getByRole('button', { name: 'Tentar de novo' }).click();
  await app.locator('[data-testid="checklist"]').waitFor();
  await context.close();
});

test('a refused set leaves the ticket unchanged and the retry succeeds', async () => {
  const context = await fresh();
  const { page, app } = await openTicketWithApp(context, sandbox, 101);
  await page.evaluate(() => window.sandbox.setZafFault({ request: 'set', path: 'ticket.subject', mode: 'error', times: 1 }));
  await app.getByRole('button', { name: 'Adicionar o prefixo' }).click();
  const notice = app.locator('[data-testid="step-title"] [data-testid="error-notice"]');
  await notice.waitFor();
  assert.equal((await hostTicket(page)).effective.subject, 'Nota gravada com valor negativo');
  await notice.getByRole('button', { name: 'Tentar de novo' }).click();
  await app.locator('[data-testid="step-title"][data-status="done"]').waitFor();
  assert.equal((await hostTicket(page)).effective.subject, '[CONSULT TÉCNICA] Nota gravada com valor negativo');
  await context.close();
});

test('outside Zendesk the app says so instead of a blank frame; without registration it says so after a few seconds', async () => {
  const context = await fresh();
  const page = await context.newPage();
  await page.goto(`${sandbox.appOrigin}/assets/iframe.html`);
  assert.match(await page.getByTestId('outside-zendesk').textContent(), /Este app roda dentro do Zendesk/);

  // A parent that never answers the handshake.
  await page.goto(`${sandbox.appOrigin}/assets/iframe.html?origin=${encodeURIComponent(sandbox.hostOrigin)}&app_guid=nobody`);
  await page.getByTestId('unregistered').waitFor({ timeout: 12_000 });
  assert.match(await page.getByTestId('unregistered').textContent(), /O Zendesk não respondeu/);
  await context.close();
});

test('the checklist is drawn from ONE batched get; REST calls (audits, schedule, macro) only follow its answer', async () => {
  const context = await fresh();
  const { page, app } = await openTicketWithApp(context, sandbox, 101);
  await app.locator('[data-testid="checklist"][aria-busy="false"]').waitFor();
  const log = await page.evaluate(() => window.sandbox.zafLog().map((e) => ({ dir: e.dir, message: e.message })));
  const firstRest = log.findIndex((e) => e.dir === 'in' && typeof e.message?.key === 'string' && e.message.key.startsWith('request:'));
  const before = log.slice(0, firstRest);
  const gets = before.filter((e) => e.dir === 'in' && e.message?.request === 'get');
  assert.equal(gets.length, 1, `gets before the first REST call: ${JSON.stringify(gets)}`);
  const answered = before.some((e) => e.dir === 'out' && e.message?.id === gets[0].message.id);
  assert.ok(answered, 'the batched get was answered before any REST call went out');
  assert.ok(firstRest > 0, 'the app does call REST after the first paint');
  await context.close();
});
