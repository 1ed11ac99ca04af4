// E2E: the opening macro found by its title (no opening_macro_id setting) against the sandbox's
// answers in Zendesk's documented shapes — GET /api/v2/macros/search is offset-paginated only — and
// applied through documented ZAF calls.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appFrame, settled, withBrowserAndSandbox } from './support/harness.mjs';

let browser;
let sandbox;
withBrowserAndSandbox((b, s) => {
  browser = b;
  sandbox = s;
});

test('settings filled but opening_macro_id empty: the sidebar loads the checklist with no error and can apply the macro', async () => {
  await sandbox.api('/__sandbox/reset', { method: 'POST' });
  const put = await sandbox.api('/__sandbox/settings', { method: 'PUT', body: { opening_macro_id: '' } });
  assert.equal(put.status, 200);
  assert.equal(put.body.settings.opening_macro_id, '');

  // The sandbox answers the search as Zendesk documents it, whatever the client asks for.
  const search = await sandbox.api('/api/v2/macros/search.json?query=Abertura&page[size]=100', { userId: 2001 });
  assert.deepEqual(Object.keys(search.body).sort(), ['count', 'macros', 'next_page', 'previous_page']);

  await sandbox.api('/__sandbox/requests', { method: 'DELETE' });
  const context = await browser.newContext({ locale: 'pt-BR' });
  try {
    const page = await context.newPage();
    await page.goto(`${sandbox.hostOrigin}/#/tickets/102`);
    const app = await appFrame(page);
    await settled(app);
    const classify = app.locator('[data-testid="step-classify"]');
    await classify.getByTestId('action-classify').and(app.locator(':enabled')).waitFor({ timeout: 15_000 });
    assert.equal(await app.getByTestId('extras-error').count(), 0, 'no error notice');
    assert.equal(await app.getByTestId('error-notice').count(), 0, 'no error notice');
    assert.doesNotMatch(await classify.textContent(), /não foi encontrada/);

    const searches = (await sandbox.api('/__sandbox/requests')).body.requests.filter((r) => r.path.startsWith('/api/v2/macros/search'));
    assert.ok(searches.length >= 1, 'the macro was looked up by title');
    for (const r of searches) assert.doesNotMatch(JSON.stringify(r.query), /page(\[|%5B)/i, 'no cursor parameters on an offset-only endpoint');

    await app.getByTestId('action-classify').click();
    await app.locator('[data-testid="step-classify"][data-status="done"]').waitFor({ timeout: 15_000 });
    assert.equal(await page.getByTestId('field-9000001').inputValue(), 'tipo_consultoria_tecnica');
    assert.match(await page.getByTestId('editor').inputValue(), /responda ACEITO/);
    const invoked = await page.evaluate(() => window.sandbox.zafLog().filter((e) => e.dir === 'in' && e.message?.request === 'invoke').map((e) => Object.keys(e.message.params ?? {})).flat());
    assert.ok(!invoked.includes('macro'), `invoke('macro') is not a documented ZAF action: ${invoked.join(', ')}`);
    assert.ok(invoked.includes('ticket.tags.add') && invoked.includes('comment.appendText'), invoked.join(', '));
  } finally {
    await context.close();
  }
});
