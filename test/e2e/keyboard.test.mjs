// E2E: an agent who uses only the keyboard (Tab, Shift+Tab, Enter, Space, arrows, Escape, typing;
// no click, fill or check) completes, in the sandbox, the time log (timer and manual entry), the
// checklist's date, slots and "Cliente sem disponibilidade" forms, the Unit's billing form and the
// lead's analyst choice. After each action the focus must be on a control or result, never dropped
// to <body>, and focused controls must look focused. The one liberty: a heading is made focusable
// for a moment to put the sequential focus starting point on it, as a click on it would.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appFrame, hostTicket, launchAgentProfile, openTicketWithApp, settled, withBrowserAndSandbox } from './support/harness.mjs';

const RECORDS = '/api/v2/custom_objects/consultoria_apontamento/records';
const ANALYST = 2001;
const LEAD = 2101;

let context;
let sandbox;
withBrowserAndSandbox(
  (c, s) => {
    context = c;
    sandbox = s;
  },
  // A regular profile: the time log and the forms keep their drafts in the frame's storage.
  { launch: () => launchAgentProfile({ locale: 'pt-BR' }) },
);

/** The sidebar of `ticketId` as `userId`, with an empty app storage and nothing left loading. */
async function fresh(ticketId, userId, prepare = async () => {}) {
  await sandbox.api('/__sandbox/reset', { method: 'POST' });
  await sandbox.api('/__sandbox/faults', { method: 'DELETE' });
  await prepare();
  await sandbox.api('/__sandbox/current-user', { method: 'POST', body: { id: userId } });
  for (const page of context.pages()) await page.close();
  const opened = await openTicketWithApp(context, sandbox, ticketId);
  await opened.app.evaluate(() => localStorage.clear());
  await opened.page.reload();
  const app = await appFrame(opened.page);
  await settled(app);
  return { page: opened.page, app };
}

/** What holds the keyboard focus in the frame: a test id, a step heading as #id, else tag and text; 'body', or 'outside' the frame. */
function focused(app) {
  return app.evaluate(() => {
    if (!document.hasFocus()) return 'outside';
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    if (el.tagName === 'H3' && el.id) return `#${el.id}`;
    return el.dataset.testid ?? `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`;
  });
}

/** Waits (focus moves a render after the action) until `testId` has the focus; fails naming where it is. */
async function expectFocus(app, testId, after) {
  let now;
  for (const started = Date.now(); Date.now() - started < 5_000; await new Promise((r) => setTimeout(r, 50))) {
    now = await focused(app);
    if (now === testId) return;
  }
  assert.equal(now, testId, `after ${after}, the focus should be on ${testId}`);
}

/** Puts the sequential focus starting point on a heading (made focusable for that moment if it is not already). */
async function startAt(heading) {
  await heading.evaluate((el) => {
    if (!el.hasAttribute('tabindex')) {
      el.tabIndex = -1;
      el.addEventListener('blur', () => el.removeAttribute('tabindex'), { once: true });
    }
    el.focus();
  });
}

/** One Tab (or Shift+Tab) must land exactly on `testId`: the fields come in reading order. */
async function tab(page, app, testId, key = 'Tab') {
  await page.keyboard.press(key);
  assert.equal(await focused(app), testId, `${key} should go to ${testId}`);
}

/** Tab until `testId` has the focus (at most `max` stops; never out of the frame or to <body>). */
async function tabTo(page, app, testId, max = 25) {
  const visited = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(app);
    visited.push(now);
    assert.ok(now !== 'body' && now !== 'outside', `Tab lost the focus on the way to ${testId}: ${visited.join(' → ')}`);
    if (now === testId) return visited;
  }
  assert.fail(`${testId} not reached with Tab: ${visited.join(' → ')}`);
}

/**
 * Focus ring of the focused control (a radio's is drawn by its label's ::before), compared with
 * the same control once Tab moved on; Shift+Tab comes back. Garden animates the ring in 0.1 s.
 */
async function assertFocusRing(page, app, testId) {
  const look = () =>
    app.locator(`[data-testid="${testId}"]`).evaluate(async (el) => {
      await new Promise((r) => setTimeout(r, 250));
      const own = getComputedStyle(el);
      const label = el.type === 'radio' || el.type === 'checkbox' ? (el.labels?.[0] ?? el.nextElementSibling) : null;
      const before = label ? getComputedStyle(label, '::before') : null;
      return [own.outlineStyle, own.outlineWidth, own.outlineColor, own.boxShadow, before?.boxShadow ?? '', before?.outlineStyle ?? ''].join(' | ');
    });
  assert.equal(await focused(app), testId, `${testId} should have the focus to sample its ring`);
  const ring = await look();
  await page.keyboard.press('Tab');
  const plain = await look();
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(app), testId, `Shift+Tab returns to ${testId}`);
  assert.notEqual(ring, plain, `${testId} looks the same focused and not: ${ring}`);
}

async function records(ticketId) {
  const { body } = await sandbox.api(`${RECORDS}/search`, { method: 'POST', body: { filter: { 'custom_object_fields.ticket': { $eq: String(ticketId) } } } });
  return body.custom_object_records.map((r) => r.custom_object_fields);
}

const calendar = (app) => app.locator('[data-garden-id="datepickers.calendar"]');

test('time log by keyboard: timer start and stop, the session form with arrow keys on the channel, then a manual entry', async () => {
  const { page, app } = await fresh(101, ANALYST);
  await app.locator('[data-testid="timer-card"][data-status="idle"]').waitFor();
  await startAt(app.getByTestId('timelog').locator('h2'));
  await tab(page, app, 'timer-start');
  await assertFocusRing(page, app, 'timer-start');

  await page.keyboard.press('Enter');
  await app.locator('[data-testid="timer-card"][data-status="running"]').waitFor();
  await expectFocus(app, 'timer-pause', 'Start');
  await tab(page, app, 'timer-stop');
  await page.keyboard.press('Enter');
  await app.getByTestId('session-form').waitFor();
  await expectFocus(app, 'form-start', 'Stop');
  assert.notEqual(await app.getByTestId('form-start').inputValue(), '', 'the start comes from the timer');

  // Tab walks through the parts of the date-time input first (how many depends on the browser's language).
  await tabTo(page, app, 'form-minutes', 8);
  assert.equal(await app.getByTestId('form-minutes').inputValue(), '1');
  // Into the channel group (none chosen yet: its first radio), then the arrows choose.
  await tab(page, app, 'form-channel-phone');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(app), 'form-channel-remote');
  assert.equal(await app.getByTestId('form-channel-remote').isChecked(), true, 'the arrows check the radio they reach');
  await assertFocusRing(page, app, 'form-channel-remote');
  await tab(page, app, 'form-description');
  await page.keyboard.type('Rotina de cálculo do ICMS');
  await page.keyboard.press('Enter');
  await page.keyboard.type('revisada com o cliente');
  await assertFocusRing(page, app, 'form-description');
  await tab(page, app, 'form-outcome');
  await page.keyboard.type('Parâmetro MV_ICMPAD corrigido.');
  await tab(page, app, 'form-save');
  await assertFocusRing(page, app, 'form-save');
  await page.keyboard.press('Enter');
  await app.getByTestId('timelog-saved').waitFor();
  await expectFocus(app, 'timer-start', 'Save');
  await app.locator('[data-testid="timelog-record"]').waitFor({ timeout: 15_000 });
  let stored = await records(101);
  assert.equal(stored.length, 1);
  assert.deepEqual([stored[0].channel, stored[0].minutes, stored[0].description, stored[0].outcome], ['remote', 1, 'Rotina de cálculo do ICMS\nrevisada com o cliente', 'Parâmetro MV_ICMPAD corrigido.']);
  assert.match(await page.getByTestId('editor').inputValue(), /Registro de atendimento[\s\S]*Rotina de cálculo do ICMS/, 'the public comment is in the editor');

  // A manual entry. The browser orders the date's parts by its own language (dd/mm or mm/dd):
  // a day equal to its month reads the same either way. The latest such day before today is at
  // most ~32 days back, inside the form's 90 days; 10:00 plus 30 min is then in the past.
  const when = await app.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() - 1);
    while (d.getDate() !== d.getMonth() + 1) d.setDate(d.getDate() - 1);
    return { day: String(d.getDate()).padStart(2, '0'), year: String(d.getFullYear()), iso: new Date(d.getFullYear(), d.getMonth(), d.getDate(), 10, 0).toISOString() };
  });
  await tab(page, app, 'timer-manual');
  await page.keyboard.press('Enter');
  await app.getByTestId('session-form').waitFor();
  await expectFocus(app, 'form-start', 'the manual entry button');
  // Day and month auto-advance; the year takes up to 6 digits, so the arrow moves on; "A" is the
  // AM of a 12-hour clock (a 24-hour clock has no such part and ignores it).
  await page.keyboard.type(`${when.day}${when.day}${when.year}`);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('1000A');
  assert.equal(await app.getByTestId('form-start').inputValue(), `${when.year}-${when.day}-${when.day}T10:00`);
  await tabTo(page, app, 'form-minutes', 8);
  await page.keyboard.type('30');

  // Save before choosing a channel: refused, and the keyboard is taken to the channel.
  await tabTo(page, app, 'form-save');
  await page.keyboard.press('Enter');
  await app.getByTestId('error-channel').waitFor();
  await expectFocus(app, 'form-channel-phone', 'a refused Save');
  await page.keyboard.press('Space');
  assert.equal(await app.getByTestId('form-channel-phone').isChecked(), true, 'Space checks the focused radio');
  await tab(page, app, 'form-description');
  await page.keyboard.type('Sessão registrada depois');
  await tab(page, app, 'form-outcome');
  await page.keyboard.type('Orientado por telefone.');
  await tab(page, app, 'form-save');
  await page.keyboard.press('Enter');
  await app.getByTestId('session-form').waitFor({ state: 'detached' });
  await expectFocus(app, 'timer-start', 'Save of the manual entry');
  await app.locator('[data-testid="timelog-record"]').nth(1).waitFor({ timeout: 15_000 });
  stored = await records(101);
  const manual = stored.find((r) => r.minutes === 30);
  assert.ok(manual, JSON.stringify(stored));
  assert.deepEqual([manual.channel, manual.start, manual.description], ['phone', when.iso, 'Sessão registrada depois']);
});

/** The ticket as the procedure leaves it before the start: with the lead, Aceite saved, then an analyst (as in a11y.test.mjs). */
async function beforeTheStart() {
  await sandbox.api('/api/v2/tickets/101.json', { method: 'PUT', userId: ANALYST, body: { ticket: { group_id: 5001, assignee_id: LEAD, additional_tags: ['consultoria_aceite'] } } });
  await sandbox.api('/api/v2/tickets/101.json', { method: 'PUT', userId: LEAD, body: { ticket: { assignee_id: ANALYST } } });
}

test('checklist forms by keyboard: Data controle typed (Escape keeps it), the slots reply, "Cliente sem disponibilidade" with its reason', async () => {
  const { page, app } = await fresh(101, ANALYST, beforeTheStart);

  // The date, typed key by key: nothing is saved before the year is whole. Its first save is refused
  // by the workspace, so the typed date can only stay in the field if the field itself keeps it
  // through Escape (which closes the calendar); the retry then saves it.
  await page.evaluate(() => window.sandbox.setZafFault({ request: 'set', path: 'ticket.customField:custom_field_9000002', mode: 'error', times: 1 }));
  const dateInEditor = async () => (await hostTicket(page)).effective.custom_fields.find((f) => f.id === 9000002)?.value ?? null;
  await startAt(app.getByTestId('step-date').locator('h3'));
  await tab(page, app, 'data-controle-input');
  await assertFocusRing(page, app, 'data-controle-input');
  await page.keyboard.type('10/12/202');
  await calendar(app).waitFor();
  assert.equal(await dateInEditor(), null, 'nothing saved from a date half typed');
  await page.keyboard.type('6');
  const refused = app.getByTestId('step-date').getByTestId('error-notice');
  await refused.waitFor({ timeout: 15_000 });
  assert.equal(await focused(app), 'data-controle-input', 'the field keeps the focus through its save');
  await page.keyboard.press('Escape');
  await calendar(app).waitFor({ state: 'detached' });
  assert.equal(await app.getByTestId('data-controle-input').inputValue(), '10/12/2026', 'Escape kept the typed date');
  assert.equal(await dateInEditor(), null, 'the refused save changed nothing');
  await tab(page, app, 'button "Tentar de novo"');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.sandbox.ticket()?.effective.custom_fields.find((f) => f.id === 9000002)?.value === '2026-12-10', null, { timeout: 15_000 });
  await app.locator('[data-testid="step-date"][data-status="done"]').waitFor({ timeout: 15_000 });
  await refused.waitFor({ state: 'detached' });
  assert.equal(await app.getByTestId('data-controle-input').inputValue(), '10/12/2026');
  // The retry's notice is gone: the focus goes back to the control before it, the date field.
  await expectFocus(app, 'data-controle-input', 'the retry of the date');

  // The slots: two lines, then the reply goes into the editor.
  await startAt(app.getByTestId('step-availability').locator('h3'));
  await tab(page, app, 'slots-input');
  await page.keyboard.type('Segunda, 14h');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Terça, 9h');
  await assertFocusRing(page, app, 'slots-input');
  await tab(page, app, 'action-availability');
  await assertFocusRing(page, app, 'action-availability');
  await page.keyboard.press('Enter');
  await app.locator('[data-testid="step-availability"][data-status="done"]').waitFor({ timeout: 15_000 });
  assert.match(await page.getByTestId('editor').inputValue(), /- Segunda, 14h\n- Terça, 9h/);
  // The step is done and its controls are gone: the focus goes to the step's heading.
  await expectFocus(app, '#step-availability-name', 'the slots reply');

  // "Cliente sem disponibilidade": open the form, type the reason, confirm.
  await startAt(app.getByTestId('step-start').locator('h3'));
  await tabTo(page, app, 'action-no-availability', 3);
  await page.keyboard.press('Enter');
  await app.getByTestId('no-availability-reason').waitFor();
  await expectFocus(app, 'no-availability-reason', 'opening the form');
  await page.keyboard.type('Cliente em férias até o dia 10');
  await assertFocusRing(page, app, 'no-availability-reason');
  await tab(page, app, 'action-confirm-no-availability');
  await page.keyboard.press('Enter');
  await app.getByTestId('action-resume').waitFor({ timeout: 15_000 });
  // The form is replaced by "Retomar", the control before the lost one.
  await expectFocus(app, 'action-resume', 'confirming');

  const saved = (await sandbox.api('/api/v2/tickets/101.json')).body.ticket;
  assert.ok(saved.tags.includes('consultoria_sem_disponibilidade'), saved.tags.join(' '));
  const note = (await sandbox.api('/api/v2/tickets/101/comments.json')).body.comments.at(-1);
  assert.equal(note.public, false);
  assert.match(note.body, /Cliente em férias até o dia 10/);
  // The date and the reply are still the agent's to submit: both in the editor, the date in the field.
  assert.equal(await dateInEditor(), '2026-12-10');

});

const UNIT_ANALYST = 2004;
const UNIT_LEAD = 2102;

/** Ticket #103 as unit-billing.test.mjs sets it: Unit-paid, Aceite saved, analyst designated, two Apontamentos. */
async function unitTicketBeforeTheStart() {
  await sandbox.api('/api/v2/tickets/103.json', { method: 'PUT', userId: UNIT_ANALYST, body: { ticket: { group_id: 5002, assignee_id: UNIT_LEAD, additional_tags: ['consultoria_aceite'] } } });
  await sandbox.api('/api/v2/tickets/103.json', { method: 'PUT', userId: UNIT_LEAD, body: { ticket: { assignee_id: UNIT_ANALYST } } });
  for (const [key, minutes] of [['103-kb-a', 50], ['103-kb-b', 25]]) {
    const fields = { ticket: '103', analyst: String(UNIT_ANALYST), start: '2026-11-20T13:00:00.000Z', minutes, channel: 'remote', description: 'Análise do extrato', outcome: 'Conciliação refeita', faturavel: true, aceita: 'sim' };
    const put = await sandbox.api(`${RECORDS}?external_id=${key}`, { method: 'PATCH', userId: UNIT_ANALYST, body: { custom_object_record: { name: key, external_id: key, custom_object_fields: fields } } });
    assert.equal(put.status, 200);
  }
}

test('Unit billing by keyboard: the form filled and sent, the approval linked, the billing request noted', async () => {
  const { page, app } = await fresh(103, UNIT_ANALYST, unitTicketBeforeTheStart);
  await app.getByTestId('unit-form').waitFor({ timeout: 15_000 });
  await settled(app);

  await startAt(app.getByTestId('unit-form').locator('h4'));
  await tab(page, app, 'unit-unitName');
  await assertFocusRing(page, app, 'unit-unitName');
  await page.keyboard.type('Unidade Sul');
  await tab(page, app, 'unit-unitCode');
  await page.keyboard.type('us01');
  await tab(page, app, 'unit-responsibleName');
  await page.keyboard.type('Renata Franco');
  await tab(page, app, 'unit-responsibleEmail');
  await page.keyboard.type('renata.franco@unidade-sul.com.br');
  // The kind: into the group (nothing chosen: its first radio), the arrows go to "repasse" and back.
  await tab(page, app, 'unit-kind-faturamento');
  await page.keyboard.press('ArrowDown');
  await app.getByTestId('unit-centroCusto').waitFor();
  await page.keyboard.press('ArrowUp');
  await app.getByTestId('unit-cnpj').waitFor();
  assert.equal(await app.getByTestId('unit-kind-faturamento').isChecked(), true);
  await assertFocusRing(page, app, 'unit-kind-faturamento');
  await tab(page, app, 'unit-cnpj');
  await page.keyboard.type('12abc34501de35');
  assert.equal(await app.getByTestId('unit-cnpj').inputValue(), '12.ABC.345/01DE-35', 'masked as typed');
  await tab(page, app, 'unit-razaoSocial');
  await page.keyboard.type('Unidade Sul Comércio Ltda');
  await tab(page, app, 'unit-billingEmail');
  await page.keyboard.type('financeiro@unidade-sul.com.br');
  await tab(page, app, 'unit-save');
  await tab(page, app, 'unit-request');
  await assertFocusRing(page, app, 'unit-request');
  await page.keyboard.press('Enter');
  await app.getByTestId('unit-requested').waitFor({ timeout: 15_000 });
  await expectFocus(app, 'unit-request', 'the approval request');
  assert.match(await page.getByTestId('editor').inputValue(), /responda a este ticket a partir do seu e-mail \(renata\.franco@unidade-sul\.com\.br\)/);
  const approvals = (await sandbox.api('/api/v2/custom_objects/consultoria_aprovacao_unidade/records')).body.custom_object_records;
  assert.equal(approvals.length, 1);
  const payload = JSON.parse(approvals[0].custom_object_fields.payload);
  assert.deepEqual([payload.unit.name, payload.responsible.email, payload.alternative.kind, payload.alternative.cnpj], ['Unidade Sul', 'renata.franco@unidade-sul.com.br', 'faturamento', '12ABC34501DE35']);

  // Submitting is the workspace's (Zendesk's own button): the responsible person's reply is then offered.
  await page.evaluate(() => window.sandbox.submit());
  await page.waitForFunction(() => window.sandbox.ticket()?.dirty.length === 0, null, { timeout: 15_000 });
  await app.getByTestId('unit-candidate').first().waitFor({ timeout: 15_000 });
  await settled(app);
  await startAt(app.getByTestId('unit-approval-section').locator('h4'));
  await tabTo(page, app, 'unit-use-comment', 4);
  await page.keyboard.press('Enter');
  await app.getByTestId('unit-linked').waitFor({ timeout: 15_000 });
  await expectFocus(app, 'unit-linked', 'linking the approval');
  await app.locator('[data-testid="unit-repasse-count"]', { hasText: '2 apontamento(s)' }).waitFor({ timeout: 15_000 });
  await settled(app);
  await tabTo(page, app, 'unit-note', 6);
  await page.keyboard.press('Enter');
  await app.getByTestId('unit-noted').waitFor({ timeout: 15_000 });
  await expectFocus(app, 'unit-note', 'the internal note');
  assert.match(await page.getByTestId('editor').inputValue(), /Horas apontadas: 1h15/);
  const linked = (await sandbox.api('/api/v2/custom_objects/consultoria_aprovacao_unidade/records')).body.custom_object_records[0];
  assert.match(linked.custom_object_fields.approval_comment ?? '', /^\d+$/, 'the approval names its comment (its id as text)');
});

test('"A Unidade paga" by keyboard: the Unit\'s form drawn in its place takes the focus', async () => {
  const { page, app } = await fresh(101, ANALYST);
  await startAt(app.getByTestId('step-start').locator('h3'));
  await tabTo(page, app, 'action-unit-pays', 4);
  await assertFocusRing(page, app, 'action-unit-pays');
  await page.keyboard.press('Enter');
  await app.getByTestId('unit-form').waitFor({ timeout: 15_000 });
  await expectFocus(app, 'unit-unitName', '"A Unidade paga"');
  assert.ok((await hostTicket(page)).effective.tags.includes('consultoria_unidade'), 'the Unit tag is in the editor');
  await page.keyboard.type('Unidade Norte');
  assert.equal(await app.getByTestId('unit-unitName').inputValue(), 'Unidade Norte');
});

test('analyst choice by keyboard: the lead picks the second-ranked analyst with the arrows', async () => {
  const { page, app } = await fresh(101, LEAD, () => sandbox.api('/api/v2/tickets/101.json', { method: 'PUT', userId: ANALYST, body: { ticket: { group_id: 5001, assignee_id: LEAD, additional_tags: ['consultoria_aceite'] } } }));
  const options = app.locator('[data-testid^="analyst-option-"]');
  await options.first().waitFor({ timeout: 15_000 });
  await settled(app);
  const ids = await options.evaluateAll((radios) => radios.map((r) => r.dataset.testid));
  assert.ok(ids.length >= 2, `two analysts to choose from: ${ids.join(', ')}`);

  // Tab enters the group on its checked radio: the most senior, preselected.
  await startAt(app.getByTestId('step-analyst').locator('h3'));
  await tab(page, app, ids[0]);
  assert.equal(await app.getByTestId(ids[0]).isChecked(), true);
  await assertFocusRing(page, app, ids[0]);
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(app), ids[1]);
  assert.equal(await app.getByTestId(ids[1]).isChecked(), true);
  const second = Number(ids[1].replace('analyst-option-', ''));
  await tab(page, app, 'action-assign-analyst');
  await page.keyboard.press('Enter');
  await app.locator('[data-testid="step-analyst"][data-status="done"]').waitFor({ timeout: 15_000 });
  assert.equal((await hostTicket(page)).effective.assignee_id, second, 'the analyst chosen with the arrows is assigned');
  // The step is done and its controls are gone: the focus goes to the step's heading.
  await expectFocus(app, '#step-analyst-name', 'assigning');
});
