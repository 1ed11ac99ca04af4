// E2E: the Unit-billed demo ticket #103 in the sandbox. The Unit's form refuses an invalid CNPJ and
// accepts numeric and alphanumeric ones; a half-filled form survives a reload; "start service"
// stays blocked until the responsible person's comment is linked; then the Apontamentos are
// non-billable (REPASSE) and the internal note holds the billing request with the right hours.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appFrame, launchAgentProfile, withBrowserAndSandbox, settled } from './support/harness.mjs';

let sandbox;
let context;
withBrowserAndSandbox(
  (c, s) => {
    context = c;
    sandbox = s;
  },
  { launch: () => launchAgentProfile({ locale: 'pt-BR' }) },
);

const ANALYST = 2004;
const LEAD = 2102;

async function submit(page, app) {
  await page.getByTestId('submit').click();
  await page.waitForFunction(() => window.sandbox.ticket()?.dirty.length === 0, null, { timeout: 15_000 });
  await app.locator('[data-testid="unsaved"]').first().waitFor({ state: 'detached', timeout: 15_000 });
  await settled(app);
}

const status = (app, id) => app.locator(`[data-testid="step-${id}"]`).getAttribute('data-status');
const apontamentos = async () => (await sandbox.api('/api/v2/custom_objects/consultoria_apontamento/records')).body.custom_object_records.filter((r) => r.custom_object_fields.ticket === '103');

/** An Apontamento stored as the time log stores it: billable, accepted. */
function putApontamento(key, minutes) {
  const fields = { ticket: '103', analyst: String(ANALYST), start: '2026-11-20T13:00:00.000Z', minutes, channel: 'remote', description: 'Análise do extrato', outcome: 'Conciliação refeita', faturavel: true, aceita: 'sim' };
  return sandbox.api(`/api/v2/custom_objects/consultoria_apontamento/records?external_id=${key}`, { method: 'PATCH', userId: ANALYST, body: { custom_object_record: { name: key, external_id: key, custom_object_fields: fields } } });
}

test('Unit-billed ticket #103: the form, the gate on "start", the linked approval and its consequences', async () => {
  await sandbox.api('/__sandbox/reset', { method: 'POST' });
  // The procedure up to the start: with the lead, Aceite saved, then the lead designates the analyst.
  await sandbox.api('/api/v2/tickets/103.json', { method: 'PUT', userId: ANALYST, body: { ticket: { group_id: 5002, assignee_id: LEAD, additional_tags: ['consultoria_aceite'] } } });
  await sandbox.api('/api/v2/tickets/103.json', { method: 'PUT', userId: LEAD, body: { ticket: { assignee_id: ANALYST } } });
  assert.equal((await putApontamento('103-e2e-a', 50)).status, 200);
  assert.equal((await putApontamento('103-e2e-b', 25)).status, 200);
  await sandbox.api('/__sandbox/current-user', { method: 'POST', body: { id: ANALYST } });

  const page = await context.newPage();
  await page.goto(`${sandbox.hostOrigin}/#/tickets/103`);
  let app = await appFrame(page);
  await settled(app);
  assert.equal(await status(app, 'start'), 'blocked');
  assert.match(await app.getByTestId('step-start').textContent(), /Aguarda a aprovação formal da Unidade/);
  assert.equal(await app.getByTestId('action-start').count(), 0);
  assert.equal(await app.getByTestId('action-unit-pays').count(), 0, 'already marked: no "the Unit pays" button');

  // The form: invalid CNPJ refused, numeric and alphanumeric accepted; the draft survives a reload.
  await app.getByTestId('unit-unitName').fill('Unidade Sul');
  await app.getByTestId('unit-unitCode').fill('us01');
  await app.getByTestId('unit-kind-faturamento').evaluate((radio) => radio.click()); // Garden hides the native radio under its label
  const cnpj = app.getByTestId('unit-cnpj');
  await cnpj.fill('11222333000182');
  assert.equal(await cnpj.inputValue(), '11.222.333/0001-82');
  assert.equal(await app.getByTestId('unit-error-cnpj').textContent(), 'CNPJ inválido: confira os dígitos verificadores.');
  await cnpj.fill('11222333000181');
  assert.equal(await app.getByTestId('unit-error-cnpj').count(), 0);
  await cnpj.fill('12abc34501de35');
  assert.equal(await cnpj.inputValue(), '12.ABC.345/01DE-35');
  assert.equal(await app.getByTestId('unit-error-cnpj').count(), 0);
  await page.reload();
  app = await appFrame(page);
  await settled(app);
  assert.equal(await app.getByTestId('unit-unitName').inputValue(), 'Unidade Sul', 'kept across the reload');
  assert.equal(await app.getByTestId('unit-cnpj').inputValue(), '12.ABC.345/01DE-35');

  await app.getByTestId('unit-responsibleName').fill('Renata Franco');
  await app.getByTestId('unit-responsibleEmail').fill('renata.franco@unidade-sul.com.br');
  await app.getByTestId('unit-razaoSocial').fill('Unidade Sul Comércio Ltda');
  await app.getByTestId('unit-billingEmail').fill('financeiro@unidade-sul.com.br');
  await settled(app);
  await app.getByTestId('unit-request').click();
  await app.getByTestId('unit-requested').waitFor({ timeout: 15_000 });
  assert.match(await page.getByTestId('editor').inputValue(), /Por favor, responda a este ticket a partir do seu e-mail \(renata\.franco@unidade-sul\.com\.br\)/);
  const records = (await sandbox.api('/api/v2/custom_objects/consultoria_aprovacao_unidade/records')).body.custom_object_records;
  assert.equal(records.length, 1);
  assert.equal(records[0].external_id, 'unidade-103');
  assert.equal(JSON.parse(records[0].custom_object_fields.payload).alternative.cnpj, '12ABC34501DE35');
  await submit(page, app);
  assert.equal(await status(app, 'start'), 'blocked', 'still blocked: nothing linked yet');

  // The responsible person's comment (her first one) is linked: the step is done, "start" opens.
  const candidate = app.getByTestId('unit-candidate').first();
  await candidate.waitFor({ timeout: 15_000 });
  const commentId = await candidate.locator('[data-comment-id]').getAttribute('data-comment-id');
  assert.match(await candidate.getByTestId('unit-comment-text').textContent(), /^Olá, sou a Renata/);
  await settled(app);
  await candidate.getByTestId('unit-use-comment').click();
  await app.getByTestId('unit-linked').waitFor({ timeout: 15_000 });
  await app.locator('[data-testid="unit-repasse-count"]', { hasText: '2 apontamento(s)' }).waitFor({ timeout: 15_000 });
  for (const record of await apontamentos()) assert.deepEqual([record.custom_object_fields.faturavel, record.custom_object_fields.aceita], [false, 'nao_repasse'], record.external_id);
  await settled(app);
  await app.getByTestId('unit-note').click();
  await app.getByTestId('unit-noted').waitFor({ timeout: 15_000 });
  assert.match(await page.getByTestId('editor').inputValue(), /Horas apontadas: 1h15/);
  await submit(page, app);
  assert.equal(await status(app, 'unit_approval'), 'done');
  assert.notEqual(await status(app, 'start'), 'blocked');
  await app.getByTestId('action-start').waitFor({ timeout: 15_000 });

  const ticket = (await sandbox.api('/api/v2/tickets/103.json')).body.ticket;
  assert.ok(ticket.tags.includes('consultoria_unidade_aprovada'));
  const note = (await sandbox.api('/api/v2/tickets/103/comments.json')).body.comments.at(-1);
  assert.equal(note.public, false);
  assert.match(note.body, /Nº do ticket: 103/);
  assert.match(note.body, /Horas apontadas: 1h15 \(1,25 h\)/);
  assert.ok(note.body.includes(`Autorização: https://sandbox.zendesk.com/agent/tickets/103#comment-${commentId}`), note.body);
  assert.match(note.body, /CNPJ: 12\.ABC\.345\/01DE-35/);
  const approval = (await sandbox.api('/api/v2/custom_objects/consultoria_aprovacao_unidade/records')).body.custom_object_records[0];
  assert.equal(approval.custom_object_fields.approval_comment, String(Number(commentId)));
  await page.close();
});
