// E2E: each demo ticket taken from its first step to "attendance started" by clicking the
// sidebar as agents and leads would, Submitting in the workspace between rounds; then the saved
// ticket (subject, fields, tags, assignee, comments, audits) is checked against the procedure.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { appFrame, launchAgentProfile, withBrowserAndSandbox, settled } from './support/harness.mjs';

let browser;
let sandbox;
withBrowserAndSandbox((b, s) => {
  browser = b;
  sandbox = s;
});

/** A workspace page as `userId`, on `ticketId`, with the app's checklist showing. */
async function workspace(context, ticketId, userId) {
  await sandbox.api('/__sandbox/current-user', { method: 'POST', body: { id: userId } });
  const page = await context.newPage();
  await page.goto(`${sandbox.hostOrigin}/#/tickets/${ticketId}`);
  const app = await appFrame(page);
  await settled(app);
  return { page, app };
}

const step = (app, id) => app.locator(`[data-testid="step-${id}"]`);
/** Waits for a step's status; on failure keeps a screenshot in test-results/ to show what the agent saw. */
async function waitStatus(app, id, status) {
  try {
    await app.locator(`[data-testid="step-${id}"][data-status="${status}"]`).waitFor({ timeout: 15_000 });
  } catch (error) {
    mkdirSync('test-results', { recursive: true });
    await app.page().screenshot({ path: `test-results/step-${id}-not-${status}.png`, fullPage: true });
    const log = await app.page().evaluate(() => window.sandbox.zafLog().slice(-40).map((e) => `${e.dir} ${JSON.stringify(e.message).slice(0, 240)}`));
    writeFileSync(`test-results/step-${id}-not-${status}.log`, log.join('\n'));
    throw error;
  }
}

/** Clicks once the sidebar has stopped loading and resizing, so the click lands on what it aims at. */
async function click(app, testId) {
  await settled(app);
  await app.getByTestId(testId).click();
}

/** Submit in the workspace, then wait until the app has re-read the saved audits. */
async function submit(page, app) {
  await page.getByTestId('submit').click();
  await page.waitForFunction(() => window.sandbox.ticket()?.dirty.length === 0, null, { timeout: 15_000 });
  await app.locator('[data-testid="unsaved"]').first().waitFor({ state: 'detached', timeout: 15_000 });
  await settled(app);
}

const ticketOf = async (id) => (await sandbox.api(`/api/v2/tickets/${id}.json`)).body.ticket;
const commentsOf = async (id) => (await sandbox.api(`/api/v2/tickets/${id}/comments.json`)).body.comments;
const auditsOf = async (id) => (await sandbox.api(`/api/v2/tickets/${id}/audits.json`)).body.audits;
const field = (ticket, id) => ticket.custom_fields.find((f) => f.id === id)?.value ?? null;

/** Steps 3–8 for a classified ticket: by default of module Faturamento/Fiscal (lead 2101, group 5001). */
async function runFromDemandToStart(context, ticketId, { prefix, date, analystId, interference, beforeStart, leadId = 2101, groupId = 5001, agentId = 2001 }) {
  let { page, app } = await workspace(context, ticketId, agentId);
  await click(app, 'action-demand-reply');
  await waitStatus(app, 'demand_reply', 'done');
  assert.match(await page.getByTestId('editor').inputValue(), /analista designado.*telefone/s);
  await click(app, 'action-assign-lead');
  await waitStatus(app, 'assign_lead', 'done');
  await click(app, 'action-title-prefix');
  await waitStatus(app, 'title', 'done');
  const input = app.getByTestId('data-controle-input');
  await input.fill(date.split('-').reverse().join('/'));
  await input.press('Enter');
  await waitStatus(app, 'date', 'done');
  await submit(page, app);

  // Another agent saves the ticket meanwhile: the app must follow, and nothing of ours is lost.
  if (interference) {
    await page.evaluate((changes) => window.sandbox.otherAgentUpdate(changes, 2003), interference);
    await page.waitForFunction((tags) => tags.every((t) => window.sandbox.ticket()?.saved.tags.includes(t)), interference.tags, { timeout: 15_000 });
    await waitStatus(app, 'title', 'done');
  }

  await click(app, 'action-aceite');
  await waitStatus(app, 'aceite', 'done');
  await submit(page, app);
  // The dashboard's index rides in the agent's own save (the ticket.save hook): same audit as the Aceite.
  assert.match(field(await ticketOf(ticketId), 9000005) ?? '', /^v1;aceite=[^;]+;relogio=[^;]+;lider=1$/);
  const aceiteAudit = (await auditsOf(ticketId)).find((a) => a.events.some((e) => e.field_name === 'tags' && e.value.includes('consultoria_aceite') && !(e.previous_value ?? []).includes('consultoria_aceite')));
  assert.ok(aceiteAudit?.events.some((e) => e.field_name === '9000005'), 'the index is saved with the Aceite, not in a write of its own');
  assert.match(await step(app, 'availability').getByTestId('deadline').textContent(), /Prazo \(1 período\)/);
  assert.match(await step(app, 'start').getByTestId('deadline').textContent(), /Prazo \(3 períodos\)/);
  await page.close();

  // The lead designates the most senior analyst of the module.
  ({ page, app } = await workspace(context, ticketId, leadId));
  await app.getByTestId(`analyst-option-${analystId}`).waitFor({ timeout: 15_000 });
  const first = app.locator('[data-testid^="analyst-option-"]').first();
  assert.equal(await first.getAttribute('data-testid'), `analyst-option-${analystId}`);
  await click(app, 'action-assign-analyst');
  await waitStatus(app, 'analyst', 'done');
  await submit(page, app);
  await page.close();

  // The analyst offers slots within 1 período, then starts the service.
  ({ page, app } = await workspace(context, ticketId, analystId));
  await app.getByTestId('slots-input').fill('Segunda, 14h\nTerça, 9h');
  await click(app, 'action-availability');
  await waitStatus(app, 'availability', 'done');
  assert.match(await page.getByTestId('editor').inputValue(), /- Segunda, 14h\n- Terça, 9h/);
  await submit(page, app);
  if (beforeStart) await beforeStart(page, app);
  await click(app, 'action-start');
  await waitStatus(app, 'start', 'done');
  await submit(page, app);
  assert.match(await step(app, 'availability').getByTestId('deadline').textContent(), /Cumprido em/);
  await page.close();

  const saved = await ticketOf(ticketId);
  assert.ok(saved.subject.startsWith(`${prefix} `), saved.subject);
  assert.equal(saved.subject.split(prefix).length, 2, 'exactly one prefix');
  assert.equal(saved.assignee_id, analystId);
  assert.equal(saved.group_id, groupId);
  for (const tag of ['consultoria_demanda_registrada', 'consultoria_aceite', 'consultoria_horarios_enviados', 'consultoria_atendimento_iniciado']) assert.ok(saved.tags.includes(tag), tag);
  const comments = await commentsOf(ticketId);
  const replies = comments.filter((c) => c.public && c.author_id !== saved.requester_id);
  assert.equal(replies.filter((c) => /Registramos a sua solicitação/.test(c.body)).length, 1, 'one demand reply');
  assert.equal(replies.filter((c) => /Segunda, 14h/.test(c.body)).length, 1, 'one slots reply');
  const assignees = (await auditsOf(ticketId)).flatMap((a) => a.events.filter((e) => e.field_name === 'assignee_id').map((e) => [a.author_id, Number(e.value)]));
  assert.deepEqual(assignees.slice(-2), [[agentId, leadId], [leadId, analystId]], 'the lead first, then the analyst, by the lead');
  return saved;
}

test('portal-opened ticket #101: from the demand reply to the start of the service', async () => {
  await sandbox.api('/__sandbox/reset', { method: 'POST' });
  const context = await browser.newContext({ locale: 'pt-BR' });
  const saved = await runFromDemandToStart(context, 101, { prefix: '[CONSULT TÉCNICA]', date: '2026-12-10', analystId: 2001, interference: { tags: ['tipo_consultoria_tecnica', 'modulo_faturamento', 'consultoria_demanda_registrada', 'vip'] } });
  assert.equal(field(saved, 9000002), '2026-12-10');
  assert.ok(saved.tags.includes('vip'), "the other agent's tag survived");
  await context.close();
});

test('phone-opened ticket #102: the opening macro classifies it once, then the same flow', async () => {
  await sandbox.api('/__sandbox/reset', { method: 'POST' });
  const context = await browser.newContext({ locale: 'pt-BR' });
  const { page, app } = await workspace(context, 102, 2001);
  assert.match(await step(app, 'classify').textContent(), /telefone/);
  assert.equal(await step(app, 'aceite').getAttribute('data-status'), 'blocked');
  await app.getByTestId('action-classify').dblclick();
  await waitStatus(app, 'classify', 'done');
  assert.equal(await page.getByTestId('field-9000001').inputValue(), 'tipo_consultoria_tecnica');
  await submit(page, app);
  assert.equal(await app.getByTestId('action-classify').count(), 0, 'the macro is never offered twice');
  await page.close();
  const termo = (await commentsOf(102)).filter((c) => c.public && /Termo|responda ACEITO/i.test(c.body));
  assert.equal(termo.length, 1, 'the Termo went out once');
  // Applied field by field through ZAF (no documented "apply macro" action): the Tipo change is what the audits keep.
  const tipoSet = (await auditsOf(102)).flatMap((a) => a.events).filter((e) => e.type === 'Change' && String(e.field_name) === '9000001' && e.value === 'tipo_consultoria_tecnica');
  assert.equal(tipoSet.length, 1);
  await runFromDemandToStart(context, 102, { prefix: '[CONSULT TÉCNICA]', date: '2026-12-11', analystId: 2001 });
  await context.close();
});

test('Unit-billed ticket #103: the malformed prefix is mended, module Financeiro goes to its lead and most senior analyst', async () => {
  await sandbox.api('/__sandbox/reset', { method: 'POST' });
  const context = await browser.newContext({ locale: 'pt-BR' });
  // The Unit pays: the service cannot start until its approval is recorded (test/e2e/unit-billing.test.mjs
  // links the approval comment through the sidebar; here it is recorded by another agent, through REST).
  const beforeStart = async (page, app) => {
    await waitStatus(app, 'start', 'blocked');
    assert.match(await step(app, 'start').textContent(), /aprovação formal da Unidade/);
    await sandbox.api('/api/v2/tickets/103.json', { method: 'PUT', userId: 2102, body: { ticket: { additional_tags: ['consultoria_unidade_aprovada'] } } });
    await page.waitForFunction(() => window.sandbox.ticket()?.saved.tags.includes('consultoria_unidade_aprovada'), null, { timeout: 15_000 });
    await waitStatus(app, 'unit_approval', 'done');
    await settled(app);
  };
  const saved = await runFromDemandToStart(context, 103, { prefix: '[CONSULT TÉCNICA]', date: '2026-12-14', analystId: 2004, leadId: 2102, groupId: 5002, agentId: 2004, beforeStart });
  assert.equal(saved.subject, '[CONSULT TÉCNICA] Conciliação bancária travando');
  await context.close();
});

test('Módulo profile ticket #105: its own prefix and "Data" field, lead of Financeiro', async () => {
  await sandbox.api('/__sandbox/reset', { method: 'POST' });
  const context = await browser.newContext({ locale: 'pt-BR' });
  const { page, app } = await workspace(context, 105, 2004);
  assert.match(await app.locator('header').textContent(), /Consultoria do Módulo/);
  await waitStatus(app, 'title', 'done');
  const input = app.getByTestId('data-controle-input');
  await input.fill('15/12/2026');
  await input.press('Enter');
  await waitStatus(app, 'date', 'done');
  assert.equal(await page.getByTestId('field-9000004').inputValue(), '2026-12-15');
  assert.equal(await page.getByTestId('field-9000002').inputValue(), '', 'Data controle untouched');
  await click(app, 'action-assign-lead');
  await waitStatus(app, 'assign_lead', 'done');
  await submit(page, app);
  assert.equal((await ticketOf(105)).assignee_id, 2102);
  await context.close();
});

test('plain support ticket #104: the requester may not contract, so nothing that commits the client is offered', async () => {
  await sandbox.api('/__sandbox/reset', { method: 'POST' });
  const context = await browser.newContext({ locale: 'pt-BR' });
  const { app } = await workspace(context, 104, 2001);
  assert.equal(await step(app, 'requester').getAttribute('data-status'), 'blocked');
  assert.match(await step(app, 'requester').textContent(), /não tem “Permite Consultoria” = SIM/);
  for (const id of ['aceite', 'analyst', 'availability', 'start']) assert.equal(await step(app, id).getAttribute('data-status'), 'blocked', id);
  assert.equal(await app.getByTestId('action-aceite').isDisabled(), true);
  await context.close();
});

test('"client has no availability": the reason survives a reload, the clock pauses with an internal note, and resumes', async () => {
  await sandbox.api('/__sandbox/reset', { method: 'POST' });
  // The ticket as the procedure leaves it before the start: with the lead, Aceite saved, then the analyst.
  await sandbox.api('/api/v2/tickets/101.json', { method: 'PUT', userId: 2001, body: { ticket: { group_id: 5001, assignee_id: 2101, additional_tags: ['consultoria_aceite'] } } });
  await sandbox.api('/api/v2/tickets/101.json', { method: 'PUT', userId: 2101, body: { ticket: { assignee_id: 2001 } } });
  const context = await launchAgentProfile({ locale: 'pt-BR' });
  let { page, app } = await workspace(context, 101, 2001);
  assert.equal(await step(app, 'start').getAttribute('data-status'), 'open');
  await click(app, 'action-no-availability');
  await app.getByTestId('no-availability-reason').fill('Cliente em férias até <b>dia 10</b>');
  await page.reload();
  app = await appFrame(page);
  await settled(app);
  assert.equal(await app.getByTestId('no-availability-reason').inputValue(), 'Cliente em férias até <b>dia 10</b>', 'typed text kept across the reload');
  await click(app, 'action-confirm-no-availability');
  await app.getByTestId('action-resume').waitFor({ timeout: 15_000 });
  await app.locator('[data-testid="step-start"] [data-testid="deadline"][data-state="paused"]').waitFor({ timeout: 15_000 });
  let saved = await ticketOf(101);
  assert.ok(saved.tags.includes('consultoria_sem_disponibilidade'));
  const note = (await commentsOf(101)).at(-1);
  assert.equal(note.public, false);
  assert.match(note.body, /Cliente em férias até <b>dia 10<\/b>/, 'the reason as typed, as text');
  assert.doesNotMatch(note.html_body, /<b>/, 'escaped in the comment HTML');

  await click(app, 'action-resume');
  await app.getByTestId('action-no-availability').waitFor({ timeout: 15_000 });
  saved = await ticketOf(101);
  assert.ok(!saved.tags.includes('consultoria_sem_disponibilidade'));
  assert.equal((await commentsOf(101)).filter((c) => !c.public).length, 2, 'one note to pause, one to resume');
  await context.close();
});
