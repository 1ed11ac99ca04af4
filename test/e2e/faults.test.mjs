// E2E fault injection: REST 429 storms (with and without Retry-After), 500s, malformed JSON and
// answers with missing or extra fields, each met by the app in the sandbox. For each: what the agent sees,
// and that the checklist keeps working from the ticket meanwhile.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appFrame, withBrowserAndSandbox } from './support/harness.mjs';

let browser;
let sandbox;
withBrowserAndSandbox((b, s) => {
  browser = b;
  sandbox = s;
});

/** Ticket 101 with the Aceite saved (so deadlines exist), the given REST faults armed, opened as agent 2001. */
async function openWithFaults(faults) {
  await sandbox.api('/__sandbox/reset', { method: 'POST' });
  await sandbox.api('/api/v2/tickets/101.json', { method: 'PUT', userId: 2101, body: { ticket: { additional_tags: ['consultoria_aceite'] } } });
  for (const fault of faults) assert.equal((await sandbox.api('/__sandbox/faults', { method: 'POST', body: fault })).status, 201, JSON.stringify(fault));
  const context = await browser.newContext({ locale: 'pt-BR' });
  const page = await context.newPage();
  await page.goto(`${sandbox.hostOrigin}/#/tickets/101`);
  const app = await appFrame(page);
  await app.locator('[data-testid="checklist"]').waitFor({ timeout: 15_000 });
  return { context, page, app };
}

const deadline = (app) => app.locator('[data-testid="step-availability"] [data-testid="deadline"]');

test('a 429 storm without Retry-After on the audits: backed off and loaded, no error shown', async () => {
  const { context, app } = await openWithFaults([{ method: 'GET', path: '/audits', status: 429, times: 2 }]);
  await deadline(app).waitFor({ timeout: 20_000 });
  assert.equal(await app.getByTestId('extras-error').count(), 0);
  assert.equal((await sandbox.api('/__sandbox/faults')).body.faults.length, 0, 'both 429s were met');
  await context.close();
});

test('a Retry-After longer than the app waits: a translated "rate limited" notice, the checklist still usable, Retry recovers', async () => {
  const { context, app } = await openWithFaults([{ method: 'GET', path: '/business_hours/schedules/6001', status: 429, retryAfter: 120, times: -1 }]);
  const notice = app.getByTestId('extras-error');
  await notice.waitFor({ timeout: 15_000 });
  assert.match(await notice.textContent(), /horário comercial/);
  assert.match(await notice.textContent(), /limitando as requisições/);
  assert.equal(await app.getByTestId('action-title-prefix').isEnabled(), true, 'the steps that need no schedule still work');
  await sandbox.api('/__sandbox/faults', { method: 'DELETE' });
  await notice.getByRole('button', { name: 'Tentar de novo' }).click();
  await deadline(app).waitFor({ timeout: 15_000 });
  assert.equal(await app.getByTestId('extras-error').count(), 0);
  await context.close();
});

test('500s on every try: a translated server error with Retry; after Zendesk recovers, Retry loads the history', async () => {
  const { context, app } = await openWithFaults([{ method: 'GET', path: '/audits', status: 500, times: -1 }]);
  const notice = app.getByTestId('extras-error');
  await notice.waitFor({ timeout: 30_000 });
  assert.match(await notice.textContent(), /erro interno/);
  await sandbox.api('/__sandbox/faults', { method: 'DELETE' });
  await notice.getByRole('button', { name: 'Tentar de novo' }).click();
  await deadline(app).waitFor({ timeout: 15_000 });
  await context.close();
});

test('malformed JSON and an answer missing its fields are refused with a message naming the problem', async () => {
  let { context, app } = await openWithFaults([{ method: 'GET', path: '/macros/search', malformed: true, times: -1 }]);
  let notice = app.getByTestId('extras-error');
  await notice.waitFor({ timeout: 15_000 });
  assert.match(await notice.textContent(), /formato inesperado/);
  await context.close();

  ({ context, app } = await openWithFaults([{ method: 'GET', path: '/audits', status: 200, body: { audits: [{ id: 1 }], meta: { has_more: false, after_cursor: null }, links: { next: null } }, times: -1 }]));
  notice = app.getByTestId('extras-error');
  await notice.waitFor({ timeout: 15_000 });
  assert.match(await notice.textContent(), /formato inesperado.*audits\.0/s);
  assert.equal(await app.locator('[data-testid^="step-"]').count() > 5, true, 'the checklist is still drawn from the ticket');
  await context.close();
});

test('an answer with extra, unknown fields is read as usual: Zendesk adds fields over time', async () => {
  // The saved audits of ticket 101, with fields no version of the app knows, at every level.
  await sandbox.api('/__sandbox/reset', { method: 'POST' });
  await sandbox.api('/api/v2/tickets/101.json', { method: 'PUT', userId: 2101, body: { ticket: { additional_tags: ['consultoria_aceite'] } } });
  const { body } = await sandbox.api('/api/v2/tickets/101/audits.json?page[size]=100', { userId: 2101 });
  assert.equal(body.meta.has_more, false);
  const extra = {
    ...body,
    future_top_level: { anything: [1, 2, 3] },
    meta: { ...body.meta, total_estimate: 3 },
    audits: body.audits.map((a) => ({ ...a, ai_summary: 'novo campo', events: a.events.map((e) => ({ ...e, confidence: 0.9 })) })),
  };
  const { context, app } = await openWithFaults([{ method: 'GET', path: '/tickets/101/audits', status: 200, body: extra, times: -1 }]);
  try {
    await deadline(app).waitFor({ timeout: 15_000 });
    assert.match(await deadline(app).textContent(), /Prazo \(1 período\)/, 'the history was read: the Aceite started the clock');
    assert.equal(await app.getByTestId('extras-error').count(), 0);
  } finally {
    await context.close();
  }
});
