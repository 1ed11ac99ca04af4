// E2E: known XSS payloads in the ticket's data (subject, requester name, module option) and in
// what agents type must never run, in the app frame or in the workspace, and must reach comment
// HTML escaped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appFrame, clickWhenSettled, withBrowserAndSandbox } from './support/harness.mjs';

const PAYLOADS = [
  '<img src=x onerror="window.__xss=(window.__xss||0)+1">',
  '"><svg onload="window.__xss=(window.__xss||0)+1">',
  '<script>window.__xss=(window.__xss||0)+1</script>',
  "javascript:window.__xss=(window.__xss||0)+1",
  '<a href="javascript:window.__xss=1">x</a><iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
];
const ALL = PAYLOADS.join(' ');

let browser;
let sandbox;
withBrowserAndSandbox((b, s) => {
  browser = b;
  sandbox = s;
});

test('payloads in the ticket data and in typed text never execute, and comment HTML is escaped', async () => {
  await sandbox.api('/__sandbox/reset', { method: 'POST' });
  // Another agent saved a hostile subject; the requester's name is hostile too (as a client could set it).
  await sandbox.api('/api/v2/tickets/101.json', { method: 'PUT', userId: 2003, body: { ticket: { subject: `Nota ${ALL}`, group_id: 5001, assignee_id: 2101, additional_tags: ['consultoria_aceite'] } } });
  await sandbox.api('/api/v2/tickets/101.json', { method: 'PUT', userId: 2101, body: { ticket: { assignee_id: 2001 } } });
  const context = await browser.newContext({ locale: 'pt-BR' });
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${sandbox.hostOrigin}/#/tickets/101`);
  const app = await appFrame(page);
  await app.locator('[data-testid="checklist"][aria-busy="false"]').waitFor({ timeout: 15_000 });

  // The subject shows as text in the title step's preview.
  assert.match(await app.getByTestId('step-title').textContent(), /<img src=x onerror=/);

  // Typed text: the slots of the availability reply and the no-availability reason.
  await app.getByTestId('slots-input').fill(ALL);
  await clickWhenSettled(app, app.getByTestId('action-availability'));
  await app.locator('[data-testid="step-availability"][data-status="done"]').waitFor({ timeout: 15_000 });
  await clickWhenSettled(app, app.getByTestId('action-no-availability'));
  await app.getByTestId('no-availability-reason').fill(ALL);
  await clickWhenSettled(app, app.getByTestId('action-confirm-no-availability'));
  await app.getByTestId('action-resume').waitFor({ timeout: 15_000 });
  await page.getByTestId('submit').click();
  await page.waitForFunction(() => window.sandbox.ticket()?.dirty.length === 0, null, { timeout: 15_000 });
  await page.waitForTimeout(500);

  assert.equal(await app.evaluate(() => window.__xss ?? 0), 0, 'nothing ran in the app frame');
  assert.equal(await page.evaluate(() => window.__xss ?? 0), 0, 'nothing ran in the workspace');
  assert.deepEqual(dialogs, []);
  assert.equal(await app.locator('img[src="x"], svg[onload], iframe[srcdoc]').count(), 0, 'no element built from data in the app');

  const comments = (await sandbox.api('/api/v2/tickets/101/comments.json')).body.comments;
  const note = comments.find((c) => !c.public && c.body.includes('<img src=x'));
  assert.ok(note, 'the reason is kept, as text');
  for (const tag of ['<img', '<svg', '<script', '<iframe', '<a ']) assert.ok(!note.html_body.includes(tag), `${tag} escaped in html_body`);
  const reply = comments.find((c) => c.public && c.body.includes('<svg onload'));
  assert.ok(reply, 'the slots are kept, as text');
  await context.close();
});
