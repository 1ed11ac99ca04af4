// E2E accessibility: axe-core over the app's sidebar frame in each state an agent can meet
// (loading, the checklist of every demo ticket, a ZAF error with its retry, the admin's settings
// notice, open forms, the timer running, the session form with errors and a saved session, the
// Unit form with errors and the approval to link), and the checklist driven by the keyboard alone
// (the timer and the forms: keyboard.test.mjs). Fails on serious or critical axe violations;
// moderate and minor ones are printed as test diagnostics.
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appFrame, hostTicket, withBrowserAndSandbox, settled } from './support/harness.mjs';

const SIDEBAR = 'iframe[data-testid="app-sidebar"]';
const BLOCKING = new Set(['serious', 'critical']);

let browser;
let sandbox;
withBrowserAndSandbox((b, s) => {
  browser = b;
  sandbox = s;
});

/** A fresh sandbox and browser context, acting as `userId`. */
async function fresh(userId = 2001) {
  await sandbox.api('/__sandbox/reset', { method: 'POST' });
  await sandbox.api('/__sandbox/current-user', { method: 'POST', body: { id: userId } });
  return browser.newContext({ locale: 'pt-BR' });
}

/** The workspace with one ticket tab; `zafFaults` are armed before the app loads. */
async function openSidebar(context, ticketId, { zafFaults } = {}) {
  const page = await context.newPage();
  const faults = zafFaults ? `&zafFaults=${encodeURIComponent(JSON.stringify(zafFaults))}` : '';
  await page.goto(`${sandbox.hostOrigin}/?tickets=${ticketId}${faults}#/tickets/${ticketId}`);
  return { page, app: await appFrame(page) };
}

/**
 * axe-core over the sidebar frame only (the host page is the sandbox's, not ours). Asserts no
 * serious/critical violation and returns the others for the report.
 */
async function assertAccessible(t, page, state) {
  const results = await new AxeBuilder({ page }).include([SIDEBAR, 'html']).analyze();
  const describe = (v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`;
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact));
  for (const v of results.violations.filter((v) => !BLOCKING.has(v.impact))) t.diagnostic(`[${state}] ${describe(v)}`);
  assert.ok(results.passes.length > 0, `axe ran no rule in the sidebar (${state}): is the frame scanned at all?`);
  assert.deepEqual(blocking.map(describe), [], `serious/critical axe violations in the sidebar (${state})`);
}

test('loading skeleton, then the timeout error with its retry, are accessible; the retry works from the keyboard', async (t) => {
  const context = await fresh();
  // The batched get never answers: the skeleton stays up to the SDK's 5 s timeout, then the error.
  const { page, app } = await openSidebar(context, 101, { zafFaults: [{ request: 'get', path: 'ticket.subject', mode: 'timeout', times: 1 }] });
  const loading = app.getByTestId('sidebar-loading');
  await loading.waitFor();
  assert.equal(await loading.getAttribute('role'), 'status');
  assert.ok((await loading.getAttribute('aria-label'))?.length, 'the skeleton has an accessible name');
  await assertAccessible(t, page, 'loading skeleton');

  const notice = app.getByTestId('error-notice');
  await notice.waitFor({ timeout: 15_000 });
  await assertAccessible(t, page, 'error with retry');
  const retry = notice.getByRole('button', { name: 'Tentar de novo' });
  await retry.focus();
  await page.keyboard.press('Enter');
  await app.locator('[data-testid="checklist"]').waitFor({ timeout: 15_000 });
  await context.close();
});

test('the scan covers the sidebar frame: a control without a name in it is caught', async (t) => {
  const context = await fresh();
  const { page, app } = await openSidebar(context, 101);
  await settled(app);
  await app.evaluate(() => document.querySelector('[data-testid="checklist"]').append(Object.assign(document.createElement('button'), { id: 'nameless' })));
  await assert.rejects(assertAccessible(t, page, 'planted violation'), /button-name.*nameless/s);
  await context.close();
});

for (const ticketId of [101, 102, 103, 104, 105]) {
  test(`the checklist of demo ticket #${ticketId} is accessible`, async (t) => {
    const context = await fresh();
    const { page, app } = await openSidebar(context, ticketId);
    await settled(app);
    await assertAccessible(t, page, `checklist #${ticketId}`);
    await context.close();
  });
}

test('the settings notice an admin sees for a broken setting is accessible', async (t) => {
  const context = await fresh(2201);
  const put = await sandbox.api('/__sandbox/settings', { method: 'PUT', body: { schedule_id: 'not-a-number', module_leads: '{broken json' } });
  assert.equal(put.status, 200);
  const { page, app } = await openSidebar(context, 101);
  const notice = app.getByTestId('settings-notice');
  await notice.waitFor({ timeout: 15_000 });
  await settled(app);
  assert.ok((await notice.locator('li').count()) >= 2, 'each broken setting is listed');
  await assertAccessible(t, page, 'admin settings notice');
  await context.close();
});

test('open forms are accessible: the "Cliente sem disponibilidade" reason, the slots field, the date field', async (t) => {
  const context = await fresh();
  // The ticket as the procedure leaves it before the service starts: with the lead, Aceite saved, then an analyst.
  await sandbox.api('/api/v2/tickets/101.json', { method: 'PUT', userId: 2001, body: { ticket: { group_id: 5001, assignee_id: 2101, additional_tags: ['consultoria_aceite'] } } });
  await sandbox.api('/api/v2/tickets/101.json', { method: 'PUT', userId: 2101, body: { ticket: { assignee_id: 2001 } } });
  const { page, app } = await openSidebar(context, 101);
  await settled(app);
  await app.getByTestId('action-no-availability').click();
  await app.getByTestId('no-availability-reason').waitFor();
  await app.getByTestId('slots-input').waitFor();
  await app.getByTestId('data-controle-input').waitFor();
  await app.getByTestId('no-availability-reason').fill('Cliente em férias até o dia 10');
  await app.getByTestId('slots-input').fill('Segunda, 14h\nTerça, 9h');
  await assertAccessible(t, page, 'open forms');

  // The date field with its calendar open.
  await app.getByTestId('data-controle-input').click();
  await app.locator('[data-garden-id="datepickers.calendar"]').waitFor();
  await assertAccessible(t, page, 'date field, calendar open');
  await context.close();
});

/** Everything Tab can stop on in the sidebar, in DOM order, as stable labels. */
function focusablesInOrder(app) {
  return app.evaluate(() => {
    const selector = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';
    const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    window.__a11yLabel = (el) => `${el.tagName.toLowerCase()}${el.dataset.testid ? `#${el.dataset.testid}` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    return [...document.querySelectorAll(selector)].filter((el) => !el.closest('[inert]') && visible(el) && el.tabIndex >= 0).map((el) => window.__a11yLabel(el));
  });
}

test('keyboard: Tab reaches every button of the checklist in order, and Enter and Space activate them', async (t) => {
  const context = await fresh();
  const { page, app } = await openSidebar(context, 101);
  await settled(app);
  const expected = await focusablesInOrder(app);
  const buttons = expected.filter((label) => label.startsWith('button'));
  assert.ok(buttons.some((label) => label.includes('action-title-prefix')), `the title prefix button is offered: ${buttons.join(', ')}`);

  // A click on the heading puts the sequential focus starting point at the top of the sidebar.
  await app.locator('header').first().click();
  const visited = [];
  for (let i = 0; i < expected.length + 1; i += 1) {
    await page.keyboard.press('Tab');
    const label = await app.evaluate(() => (document.hasFocus() && document.activeElement !== document.body ? window.__a11yLabel(document.activeElement) : null));
    if (label === null) break; // focus left the frame: past the last stop
    visited.push(label);
  }
  t.diagnostic(`tab order: ${visited.join(' → ')}`);
  assert.deepEqual(visited.filter((label) => label.startsWith('button')), buttons, 'buttons in DOM order, none skipped');
  assert.deepEqual(visited, expected, 'every stop in DOM order (no positive tabindex, nothing unreachable)');

  // Enter on the title prefix button, reached with Tab from the top again: the host subject changes.
  const titleIndex = visited.findIndex((label) => label.includes('action-title-prefix'));
  await app.locator('header').first().click();
  for (let i = 0; i <= titleIndex; i += 1) await page.keyboard.press('Tab');
  assert.match(await app.evaluate(() => window.__a11yLabel(document.activeElement)), /action-title-prefix/);
  await page.keyboard.press('Enter');
  await app.locator('[data-testid="step-title"][data-status="done"]').waitFor({ timeout: 15_000 });
  assert.equal((await hostTicket(page)).effective.subject, '[CONSULT TÉCNICA] Nota gravada com valor negativo');

  // Space on the demand reply button: the reply text lands in the host's editor.
  const demand = app.getByTestId('action-demand-reply');
  await demand.focus();
  await page.keyboard.press('Space');
  await app.locator('[data-testid="step-demand_reply"][data-status="done"]').waitFor({ timeout: 15_000 });
  assert.match(await page.getByTestId('editor').inputValue(), /analista designado/);
  await context.close();
});

test('the time log is accessible: the timer running, the session form with its errors, a saved session', async (t) => {
  const context = await fresh();
  const { page, app } = await openSidebar(context, 101);
  await app.getByTestId('timer-card').waitFor({ timeout: 15_000 });
  await settled(app);
  await app.getByTestId('timer-start').click();
  await app.getByTestId('timer-pause').waitFor();
  await assertAccessible(t, page, 'timer running');
  await app.getByTestId('timer-stop').click();
  const form = app.getByTestId('session-form');
  await form.waitFor();
  await form.getByTestId('form-save').click();
  await form.locator('[data-garden-id="forms.input_message"], [role="alert"]').first().waitFor();
  await assertAccessible(t, page, 'session form with its errors');
  await form.getByText('Telefone', { exact: true }).click();
  await form.getByTestId('form-description').fill('Rotina de cálculo revisada');
  await form.getByTestId('form-outcome').fill('Parâmetro corrigido.');
  await form.getByTestId('form-save').click();
  await app.getByTestId('timelog-record').first().waitFor({ timeout: 15_000 });
  await settled(app);
  await assertAccessible(t, page, 'a saved session');
  await context.close();
});

test('Unit billing is accessible: the form with its errors, filled, and the approval to link', async (t) => {
  const context = await fresh(2004);
  // Ticket #103 (the Unit pays) as the procedure leaves it before the start: Aceite saved, analyst designated.
  await sandbox.api('/api/v2/tickets/103.json', { method: 'PUT', userId: 2004, body: { ticket: { group_id: 5002, assignee_id: 2102, additional_tags: ['consultoria_aceite'] } } });
  await sandbox.api('/api/v2/tickets/103.json', { method: 'PUT', userId: 2102, body: { ticket: { assignee_id: 2004 } } });
  const { page, app } = await openSidebar(context, 103);
  const form = app.getByTestId('unit-form');
  await form.waitFor({ timeout: 15_000 });
  await settled(app);
  await app.getByTestId('unit-save').click();
  await form.locator('[data-garden-id="forms.input_message"]').first().waitFor();
  await assertAccessible(t, page, 'Unit form with its errors');
  await app.getByTestId('unit-unitName').fill('Unidade Sul');
  await app.getByTestId('unit-unitCode').fill('us01');
  await app.getByTestId('unit-responsibleName').fill('Renata Franco');
  await app.getByTestId('unit-responsibleEmail').fill('renata.franco@unidade-sul.com.br');
  await app.getByTestId('unit-kind-faturamento').evaluate((radio) => radio.click()); // Garden hides the native radio under its label
  await app.getByTestId('unit-cnpj').fill('12abc34501de35');
  await app.getByTestId('unit-razaoSocial').fill('Unidade Sul Comércio Ltda');
  await app.getByTestId('unit-billingEmail').fill('financeiro@unidade-sul.com.br');
  await app.getByTestId('unit-request').click();
  await app.getByTestId('unit-requested').waitFor({ timeout: 15_000 });
  await page.evaluate(() => window.sandbox.submit());
  await app.getByTestId('unit-candidate').first().waitFor({ timeout: 15_000 });
  await settled(app);
  await assertAccessible(t, page, 'the approval to link');
  await context.close();
});
