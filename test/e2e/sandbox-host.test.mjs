// E2E: the sandbox host page speaks ZAF v2 to the real SDK (the probe app, sandbox/probe) and
// keeps the agent's unsaved ticket. Each test runs its own sandbox server on free ports with a
// temporary state file, and a fresh browser context.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, launchBrowser, startSandbox } from './support/harness.mjs';

const PROBE_DIR = join(ROOT, '.tmp/probe-dist');
let browser;

before(async () => {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'sandbox/probe/vite.config.mjs'], { cwd: ROOT, stdio: 'pipe' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** A private sandbox serving the probe app too; `rest(method, path, body, userId)` calls its API. */
async function startServer() {
  const sandbox = await startSandbox(['--probe-dir', PROBE_DIR]);
  return { ...sandbox, rest: async (method, path, body, userId) => sandbox.api(path, { method, body, userId }) };
}

/** A server + a workspace page on `ticketId` with the probe app registered in its sidebar. */
async function openWorkspace(t, ticketId = 101) {
  const server = await startServer();
  const context = await browser.newContext();
  context.setDefaultTimeout(10000);
  t.after(async () => {
    await context.close();
    await server.stop();
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(`${server.hostOrigin}/?app=probe#/tickets/${ticketId}`);
  const probe = await probeFrame(page);
  return { server, page, probe };
}

async function probeFrame(page) {
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const handle = await page.waitForSelector('[data-testid="app-sidebar"]', { state: 'attached' });
  const frame = await handle.contentFrame();
  await frame.waitForFunction(() => Boolean(window.probeRegistration));
  return frame;
}

/** Start collecting the SDK's events `names` inside the probe (window.seen), once the host knows. */
async function listen(page, probe, names) {
  await probe.evaluate((list) => {
    window.seen ??= [];
    for (const name of list) window.zafClient.on(name, (message) => window.seen.push({ name, message }));
  }, names);
  await hostKnowsSubscriptions(page, names);
}

function hostKnowsSubscriptions(page, names) {
  return page.waitForFunction((list) => window.sandbox.instances()
    .some((i) => i.active && list.every((name) => i.subscriptions[name] > 0)), names);
}

const seen = (probe, name) => probe.evaluate((n) => (window.seen ?? []).filter((e) => e.name === n).map((e) => e.message), name);

test('handshake: the SDK registers with context and metadata, and the probe paints the subject', async (t) => {
  const { page, probe } = await openWorkspace(t);
  const { context, metadata } = await probe.evaluate(() => window.probeRegistration);
  assert.deepEqual(
    { product: context.product, location: context.location, ticketId: context.ticketId, account: context.account },
    { product: 'support', location: 'ticket_sidebar', ticketId: 101, account: { subdomain: 'sandbox' } },
  );
  assert.match(context.instanceGuid, /^[0-9a-f-]{36}$/);
  assert.equal(metadata.appId, 900001);
  assert.equal(metadata.installationId, 900101);
  assert.equal(metadata.settings.tipo_solicitacao_field_id, '9000001');
  assert.deepEqual(metadata.plan, { name: 'default' });

  await probe.waitForSelector('text=Nota gravada com valor negativo');
  await probe.waitForFunction(() => performance.getEntriesByName('probe:painted').length === 1);
  const log = await page.evaluate(() => window.sandbox.zafLog());
  assert.ok(log.some((e) => e.dir === 'in' && e.message.key === 'iframe.handshake'));
  const registered = log.find((e) => e.dir === 'out' && e.message.key === 'zaf.app.registered');
  assert.equal(registered.message.message.context.instanceGuid, context.instanceGuid);
  assert.ok(log.every((e) => typeof e.at === 'number' && typeof e.t === 'number'));
});

test('get: a batch resolves documented paths and puts an unknown one in errors', async (t) => {
  const { probe } = await openWorkspace(t, 102);
  const result = await probe.evaluate(() => window.zafClient.get([
    'ticket.subject', 'ticket.via.channel', 'ticket.requester.customField:permite_consultoria',
    'ticket.customField:custom_field_9000003', 'ticket.assignee.user.id', 'currentUser.locale',
    'ticketFields:custom_field_9000001.optionValues', 'ticket.nope',
  ]));
  assert.equal(result['ticket.subject'], 'Erro ao transmitir NF-e pelo telefone');
  assert.equal(result['ticket.via.channel'], 'voice');
  assert.equal(result['ticket.requester.customField:permite_consultoria'], 'sim');
  assert.equal(result['ticket.customField:custom_field_9000003'], 'modulo_fiscal');
  assert.equal(result['ticket.assignee.user.id'], 2001);
  assert.equal(typeof result['currentUser.locale'], 'string');
  assert.ok(result['ticketFields:custom_field_9000001.optionValues'].some((o) => o.value === 'tipo_consultoria_tecnica'));
  assert.equal(result['ticket.nope'], undefined);
  assert.equal(result.errors['ticket.nope'].path, 'ticket.nope');

  const single = await probe.evaluate(() => window.zafClient.get('ticket.nope').then(() => 'resolved', (e) => e.message));
  assert.match(single, /ticket\.nope/);
});

test('set: the subject changes in the host, stays unsaved until Submit, and Submit writes an audit', async (t) => {
  const { server, page, probe } = await openWorkspace(t);
  await listen(page, probe, ['ticket.subject.changed', 'ticket.submit.done']);
  await probe.evaluate(() => window.zafClient.set('ticket.subject', '[CONSULT TÉCNICA] Nota gravada com valor negativo'));

  const subject = page.getByTestId('ticket-subject');
  assert.equal(await subject.inputValue(), '[CONSULT TÉCNICA] Nota gravada com valor negativo');
  assert.equal(await page.locator('.subject').getAttribute('data-dirty'), 'true');
  assert.deepEqual(await seen(probe, 'ticket.subject.changed'), ['[CONSULT TÉCNICA] Nota gravada com valor negativo']);
  const before = await server.rest('GET', '/api/v2/tickets/101.json');
  assert.equal(before.body.ticket.subject, 'Nota gravada com valor negativo');

  await page.getByTestId('editor').fill('Registrado, obrigado.');
  await page.getByTestId('submit').click();
  await page.waitForFunction(() => window.sandbox.ticket().dirty.length === 0);
  assert.equal(await page.locator('.subject').getAttribute('data-dirty'), null);
  await probe.waitForFunction(() => window.seen.some((e) => e.name === 'ticket.submit.done'));

  const saved = await server.rest('GET', '/api/v2/tickets/101.json');
  assert.equal(saved.body.ticket.subject, '[CONSULT TÉCNICA] Nota gravada com valor negativo');
  const { body } = await server.rest('GET', '/api/v2/tickets/101/audits.json');
  const last = body.audits.at(-1);
  const config = await server.rest('GET', '/__sandbox/config');
  assert.equal(last.author_id, config.body.currentUserId);
  assert.ok(last.events.some((e) => e.type === 'Change' && e.field_name === 'subject'));
  assert.ok(last.events.some((e) => e.type === 'Comment' && e.body === 'Registrado, obrigado.' && e.public === true));
  await page.getByTestId('comment').filter({ hasText: 'Registrado, obrigado.' }).waitFor();
});

test('ticket.save: an app that rejects the save cancels it and its message is shown', async (t) => {
  const { server, page, probe } = await openWorkspace(t);
  await probe.evaluate(() => window.zafClient.on('ticket.save', () => Promise.reject(new Error('Preencha a Data controle'))));
  await hostKnowsSubscriptions(page, ['ticket.save']);
  await page.getByTestId('status').selectOption('pending');
  await page.getByTestId('submit').click();
  await page.getByTestId('toast').filter({ hasText: 'Preencha a Data controle' }).waitFor();
  assert.equal((await server.rest('GET', '/api/v2/tickets/101.json')).body.ticket.status, 'new');
  assert.deepEqual((await page.evaluate(() => window.sandbox.ticket().dirty)), ['status']);
});

test('request: done, httpCompleteResponse, a 429 fault fails with autoRetry off, a timeout fails with status 0', async (t) => {
  const { server, probe } = await openWorkspace(t);
  const done = await probe.evaluate(() => window.zafClient.request({ url: '/api/v2/tickets/101.json', type: 'GET' }));
  assert.equal(done.ticket.id, 101);
  const complete = await probe.evaluate(() => window.zafClient.request({ url: 'https://sandbox.zendesk.com/api/v2/business_hours/schedules/{{setting.schedule_id}}.json', secure: true, httpCompleteResponse: true }));
  assert.equal(complete.status, 200);
  assert.equal(complete.responseJSON.schedule.id, 6001);

  await server.rest('POST', '/__sandbox/faults', { path: 'tickets/101', status: 429, retryAfter: 0 });
  const failed = await probe.evaluate(() => window.zafClient.request({ url: '/api/v2/tickets/101.json', autoRetry: false })
    .then(() => null, (xhr) => ({ status: xhr.status, json: xhr.responseJSON, retryAfter: xhr.headers['retry-after'] })));
  assert.equal(failed.status, 429);
  assert.equal(failed.retryAfter, '0');

  await server.rest('POST', '/__sandbox/faults', { path: 'tickets/101', status: 429, retryAfter: 0 });
  const retried = await probe.evaluate(() => window.zafClient.request('/api/v2/tickets/101.json'));
  assert.equal(retried.ticket.id, 101, 'autoRetry (the ZAF default) retries after Retry-After');

  await server.rest('POST', '/__sandbox/faults', { path: 'tickets/101', hang: true });
  const timedOut = await probe.evaluate(() => window.zafClient.request({ url: '/api/v2/tickets/101.json', timeout: 300 })
    .then(() => null, (xhr) => ({ status: xhr.status, statusText: xhr.statusText })));
  assert.deepEqual(timedOut, { status: 0, statusText: 'timeout' });
});

test('zafFaults: error and malformed answers, and a timeout the SDK gives up on after 5 s', async (t) => {
  const { page, probe } = await openWorkspace(t);
  await page.evaluate(() => window.sandbox.setZafFault({ request: 'get', path: 'ticket.subject', mode: 'error' }));
  assert.match(await probe.evaluate(() => window.zafClient.get('ticket.subject').then(() => 'resolved', (e) => e.message)), /ticket\.subject/);
  await page.evaluate(() => window.sandbox.setZafFault({ request: 'get', path: 'ticket.tags', mode: 'malformed' }));
  const malformed = await probe.evaluate(() => window.zafClient.get('ticket.tags'));
  assert.ok(!Array.isArray(malformed['ticket.tags']));

  await page.evaluate(() => window.sandbox.setZafFault({ request: 'invoke', mode: 'timeout' }));
  const started = Date.now();
  // SDK 2.0.11 quirk: its TimeoutError is not an Error subclass, so the call RESOLVES with it.
  const outcome = await probe.evaluate(() => window.zafClient.invoke('resize', { height: '300px' })
    .then((value) => ({ settled: 'resolved', name: value?.name }), (error) => ({ settled: 'rejected', name: error?.name })));
  assert.equal(outcome.name, 'TimeoutError');
  assert.ok(Date.now() - started >= 4900);
  // faults are used up: the next call is answered
  await probe.evaluate(() => window.zafClient.invoke('resize', { height: '300px' }));
  assert.equal(await page.getByTestId('app-sidebar').evaluate((f) => f.style.height), '300px');
});

test('draft: unsaved subject, dropdown, tags and editor text survive a reload', async (t) => {
  const { server, page } = await openWorkspace(t, 104);
  await page.getByTestId('ticket-subject').fill('Dúvida sobre MV_ESTNEG (rascunho)');
  await page.getByTestId('field-9000003').selectOption('modulo_estoque');
  await page.getByTestId('editor').fill('Nota interna em andamento');
  await page.getByTestId('public-toggle').click();
  const tags = await page.getByTestId('tag').evaluateAll((els) => els.map((e) => e.dataset.tag));
  assert.ok(tags.includes('modulo_estoque'), 'a tagger value is also a tag');

  await page.reload();
  const probe = await probeFrame(page);
  assert.equal(await page.getByTestId('ticket-subject').inputValue(), 'Dúvida sobre MV_ESTNEG (rascunho)');
  assert.equal(await page.getByTestId('field-9000003').inputValue(), 'modulo_estoque');
  assert.equal(await page.getByTestId('editor').inputValue(), 'Nota interna em andamento');
  assert.equal(await page.getByTestId('public-toggle').getAttribute('aria-checked'), 'false');
  const zaf = await probe.evaluate(() => window.zafClient.get(['ticket.subject', 'comment.text', 'comment.type']));
  assert.equal(zaf['ticket.subject'], 'Dúvida sobre MV_ESTNEG (rascunho)');
  assert.equal(zaf['comment.type'], 'internalNote');
  assert.equal((await server.rest('GET', '/api/v2/tickets/104.json')).body.ticket.subject, 'Dúvida sobre parâmetro MV_ESTNEG');

  await page.getByTestId('tag-remove-modulo_estoque').click();
  assert.equal(await page.getByTestId('field-9000003').inputValue(), '', 'removing the tag clears the dropdown');

  await Promise.all([page.waitForEvent('load'), page.getByTestId('reset').click()]);
  await probeFrame(page);
  assert.equal(await page.getByTestId('ticket-subject').inputValue(), 'Dúvida sobre parâmetro MV_ESTNEG', 'Reset drops the drafts');
  assert.deepEqual(await page.evaluate(() => window.sandbox.ticket().dirty), []);
});

test("macro + tags: invoke('macro') is refused (no such ticket_sidebar action) and changes nothing; the tag actions work", async (t) => {
  const { server, page, probe } = await openWorkspace(t, 102);
  await listen(page, probe, ['ticket.custom_field_9000001.changed', 'ticket.tags.changed', 'comment.text.changed']);
  // The SDK settles a refused path with it under `errors` (or rejects, by version): either way it names the path.
  const refused = await probe.evaluate(() => window.zafClient.invoke('macro', 7001).then((r) => JSON.stringify(r?.errors ?? null), (e) => String(e?.message ?? e)));
  assert.match(refused, /Could not find handler for: \\?"macro/);
  assert.equal(await page.getByTestId('field-9000001').inputValue(), '');
  assert.equal(await page.getByTestId('editor').inputValue(), '');
  assert.deepEqual(await seen(probe, 'ticket.custom_field_9000001.changed'), []);

  await probe.evaluate(() => window.zafClient.invoke('ticket.tags.add', ['consultoria_termo_enviado']));
  assert.ok((await seen(probe, 'ticket.tags.changed')).at(-1).includes('consultoria_termo_enviado'));
  await probe.evaluate(() => window.zafClient.invoke('ticket.tags.remove', 'consultoria_termo_enviado'));
  assert.equal(await page.locator('[data-testid="tag"][data-tag="consultoria_termo_enviado"]').count(), 0);
  assert.ok((await seen(probe, 'ticket.tags.changed')).at(-1).every((tag) => tag !== 'consultoria_termo_enviado'));
  assert.equal((await server.rest('GET', '/api/v2/tickets/102.json')).body.ticket.tags.includes('tipo_consultoria_tecnica'), false);
});

test('another agent: ticket.updated reaches the app, the draft is kept, a stale Submit gets 409', async (t) => {
  const { server, page, probe } = await openWorkspace(t, 103);
  await listen(page, probe, ['ticket.updated', 'ticket.status.changed', 'ticket.submit.fail']);
  await page.getByTestId('editor').fill('Rascunho do agente');
  await page.evaluate(() => window.sandbox.otherAgentUpdate({ status: 'pending' }, 2004));
  await probe.waitForFunction(() => window.seen.some((e) => e.name === 'ticket.updated'), null, { timeout: 5000 });
  assert.deepEqual(await seen(probe, 'ticket.updated'), [{ updatedBy: { id: 2004, name: 'Diana Rocha' } }]);
  assert.deepEqual(await seen(probe, 'ticket.status.changed'), ['pending']);
  assert.equal(await page.getByTestId('editor').inputValue(), 'Rascunho do agente');

  // Save right after another agent's write, before the poll sees it: Zendesk answers 409.
  const outcome = await page.evaluate(async () => {
    await window.sandbox.otherAgentUpdate({ priority: 'high' }, 2004);
    return window.sandbox.submit();
  });
  assert.equal(outcome.reason, 'conflict');
  await page.getByTestId('toast').filter({ hasText: 'changed by another agent' }).waitFor();
  assert.equal(await page.getByTestId('editor').inputValue(), 'Rascunho do agente');
  assert.equal(await page.getByTestId('priority').inputValue(), 'high', 'the ticket was reloaded');
  assert.equal((await seen(probe, 'ticket.submit.fail')).length, 1);
  const comments = await server.rest('GET', '/api/v2/tickets/103/comments.json');
  assert.ok(comments.body.comments.every((c) => c.body !== 'Rascunho do agente'));
});

test('tabs and agents: switching tabs (de)activates the app; the user switch changes currentUser', async (t) => {
  const { page, probe } = await openWorkspace(t);
  await listen(page, probe, ['app.activated', 'app.deactivated']);
  await page.getByTestId('tab-104').click();
  await probeFrame(page);
  await page.getByTestId('tab-101').click();
  await probe.waitForFunction(() => window.seen.some((e) => e.name === 'app.activated' && !e.message.firstLoad));
  const names = await probe.evaluate(() => window.seen.filter((e) => !e.message?.firstLoad).map((e) => e.name));
  assert.deepEqual(names, ['app.deactivated', 'app.activated']);

  await Promise.all([page.waitForEvent('load'), page.getByTestId('user-switch').selectOption('2102')]);
  const again = await probeFrame(page);
  assert.equal((await again.evaluate(() => window.zafClient.get('currentUser.name')))['currentUser.name'], 'Marcos Vieira');
  assert.equal(await page.getByTestId('user-switch').inputValue(), '2102');
});

test('reassignment: the agent picking an assignee fires ticket.assignee.user.id.changed; ticket.assignee.changed is refused', async (t) => {
  const { page, probe } = await openWorkspace(t);
  await probe.evaluate(() => window.zafClient.on('ticket.assignee.changed', () => window.seen.push({ name: 'ticket.assignee.changed' })));
  await listen(page, probe, ['ticket.assignee.user.id.changed', '*.changed']);
  const select = page.getByTestId('assignee');
  const current = await select.inputValue();
  const other = await select.locator('option').evaluateAll((options, now) => options.map((o) => o.value).find((v) => v && v !== now), current);
  await select.selectOption(other);
  await probe.waitForFunction(() => window.seen.some((e) => e.name === 'ticket.assignee.user.id.changed'));
  assert.deepEqual(await seen(probe, 'ticket.assignee.user.id.changed'), [Number(other)]);
  assert.ok((await seen(probe, '*.changed')).some((e) => e.propertyName === 'ticket.assignee.user.id'));
  assert.deepEqual(await seen(probe, 'ticket.assignee.changed'), []);
  const refused = await page.evaluate(() => window.sandbox.zafLog().filter((e) => e.dir === 'refused').map((e) => e.message.key));
  assert.deepEqual(refused, ['iframe.on:ticket.assignee.changed']);
});
