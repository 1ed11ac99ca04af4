// E2E: the leads' dashboard (nav_bar) over the big fixture (5 000 generated consulting tickets).
// Expectations are computed here from the sandbox's REST answers, independently of the app's code.
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appFrame, launchAgentProfile, settled, withBrowserAndSandbox } from './support/harness.mjs';

const NAVBAR = 'iframe[data-testid="app-navbar"]';
const LEAD = 2101; // lead of group 5001, not an admin
const ADMIN = 2201;
const TIPO_FIELD = 9000001;
const CONSULTING = ['tipo_consultoria_tecnica', 'tipo_consultoria_modulo'];

let browser;
let sandbox;
withBrowserAndSandbox(
  (b, s) => {
    browser = b;
    sandbox = s;
  },
  { sandboxArgs: ['--fixtures', 'big'] },
);

async function asUser(userId) {
  await sandbox.api('/__sandbox/current-user', { method: 'POST', body: { id: userId } });
}

/** The dashboard page and its frame, once the list has fully loaded (or stopped at a gap). */
async function openDashboard(context) {
  const page = await context.newPage();
  await page.goto(`${sandbox.hostOrigin}/#/dashboard`);
  const handle = await page.locator(NAVBAR).elementHandle({ timeout: 20_000 });
  const frame = await handle.contentFrame();
  await frame.locator('[data-testid="dashboard-progress"][data-phase="ready"]').waitFor({ timeout: 90_000 });
  return { page, frame };
}

/** Every item of a cursor-paginated list, as `userId` (the REST API straight, not the app). */
async function allPages(firstUrl, key, userId) {
  const items = [];
  let url = firstUrl;
  while (url) {
    const { status, body } = await sandbox.api(url, { userId });
    assert.equal(status, 200, url);
    items.push(...body[key]);
    url = body.meta?.has_more ? new URL(body.links.next).pathname + new URL(body.links.next).search : null;
  }
  return items;
}

const allTickets = (userId) => allPages('/api/v2/tickets.json?page[size]=100', 'tickets', userId);
const allRecords = (userId) => allPages('/api/v2/custom_objects/consultoria_apontamento/records?page[size]=100', 'custom_object_records', userId);

const fieldOf = (ticket, id) => ticket.custom_fields?.find((f) => f.id === id)?.value ?? null;

/** Minimal CSV reader for the app's export: `;`-separated, every cell quoted, CRLF. */
function parseCsv(text) {
  assert.equal(text.charCodeAt(0), 0xfeff, 'the CSV starts with a BOM');
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 1; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    }
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}

test('lists every consulting ticket of the lead group without a request per ticket', async () => {
  await asUser(LEAD);
  await sandbox.api('/__sandbox/requests', { method: 'DELETE' });
  const context = await browser.newContext({ locale: 'pt-BR' });
  try {
    const { page, frame } = await openDashboard(context);
    const me = (await sandbox.api('/api/v2/users/me.json', { userId: LEAD })).body.user;
    const memberships = (await sandbox.api(`/api/v2/users/${LEAD}/group_memberships.json`, { userId: LEAD })).body.group_memberships.map((m) => m.group_id);
    assert.ok(me);
    const tickets = await allTickets(LEAD);
    const records = await allRecords(LEAD);
    // The team's tickets: of its groups, or of its modules (per the module → lead map) still in another group.
    const settings = (await sandbox.api('/__sandbox/settings')).body.settings;
    const teamModules = Object.entries(JSON.parse(settings.module_leads)).filter(([, l]) => memberships.includes(l.group_id)).map(([m]) => m);
    const consulting = tickets.filter((t) => (memberships.includes(t.group_id) || teamModules.includes(fieldOf(t, 9000003))) && CONSULTING.includes(fieldOf(t, TIPO_FIELD)));
    const open = consulting.filter((t) => !['solved', 'closed'].includes(t.status));
    // Solved/closed tickets the next closing invoices: records not invoiced yet (the month bound is the app's; here: any).
    const uninvoiced = new Set(records.filter((r) => !r.custom_object_fields.invoiced_at).map((r) => Number(r.custom_object_fields.ticket)));
    const closingCandidates = consulting.filter((t) => ['solved', 'closed'].includes(t.status) && uninvoiced.has(t.id));
    assert.ok(open.length > 1000, `the fixture gives the lead many open tickets (${open.length})`);

    const count = frame.locator('[data-testid="dashboard-count"]');
    const total = Number(await count.getAttribute('data-total'));
    assert.ok(total >= open.length && total <= open.length + closingCandidates.length, `listed ${total}: ${open.length} open + up to ${closingCandidates.length} to invoice`);
    const listedIds = new Set(
      await frame.locator('[data-testid="dashboard-row"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-ticket-id')))),
    );
    assert.equal(listedIds.size, 100, 'the table shows the first 100 rows');
    for (const id of listedIds) assert.ok(consulting.some((t) => t.id === id), `row ${id} is a consulting ticket of the lead's group`);

    const { body } = await sandbox.api('/__sandbox/requests');
    const paths = body.requests.map((r) => r.path ?? r.url ?? '');
    assert.equal(paths.filter((p) => /\/tickets\/\d+\/audits/.test(p)).length, 0, 'no audits read for the list');
    assert.ok(paths.length < 200, `${paths.length} REST requests for ${total} tickets`);

    // A subject opens its ticket in the agent workspace (ZAF routeTo), not inside the dashboard frame.
    const first = frame.locator('[data-testid="dashboard-row"]').first();
    const id = await first.getAttribute('data-ticket-id');
    await first.locator('[data-testid="ticket-link"]').click();
    await page.waitForFunction((ticketId) => location.hash === `#/tickets/${ticketId}`, id);
  } finally {
    await context.close();
  }
});

test('the figures at the top agree with the rows of the CSV export', async () => {
  await asUser(LEAD);
  const context = await browser.newContext({ locale: 'pt-BR', acceptDownloads: true });
  try {
    const { page, frame } = await openDashboard(context);
    const [download] = await Promise.all([page.waitForEvent('download'), frame.locator('[data-testid="dashboard-csv"]').click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const [headers, ...lines] = parseCsv(readFileSync(path, 'utf8'));
    const col = (name) => {
      const i = headers.indexOf(name);
      assert.ok(i >= 0, `CSV column ${name}`);
      return i;
    };
    const stepCol = col('Etapa atual');
    const availabilityState = col('Situação do prazo 1 período');
    const startState = col('Situação do prazo 3 períodos');
    const monthLogged = col('Apontado no mês (min)');
    const monthBillable = col('Faturável no mês (min)');
    const closing = col('Próximo fechamento (min)');

    const figure = async (id) => (await frame.locator(`[data-testid="summary-${id}-value"]`).innerText()).trim();
    const hours = (minutes) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
    const sum = (i) => lines.reduce((total, line) => total + Number(line[i]), 0);

    assert.equal(await figure('tickets'), String(lines.length));
    const late = lines.filter((l) => l[availabilityState].startsWith('atrasado') || l[startState].startsWith('atrasado')).length;
    assert.equal(await figure('overdue'), String(late));
    const flagCount = (name) => lines.filter((l) => l[col(name)] === 'sim').length;
    assert.equal(await figure('paused'), String(flagCount('Sem disponibilidade')));
    assert.equal(await figure('waiting-aceite'), String(flagCount('Aguardando Aceite')));
    assert.equal(await figure('waiting-unit'), String(flagCount('Aguardando a Unidade')));
    assert.equal(await figure('due-soon'), String(flagCount('Vencem no próximo período')));
    assert.equal(flagCount('Atrasados'), late, 'the overdue flag and the deadline words agree');
    assert.equal(await figure('month-logged'), hours(sum(monthLogged)));
    assert.equal(await figure('month-billable'), hours(sum(monthBillable)));
    assert.match(await figure('closing'), new RegExp(`^${hours(sum(closing))} `));
    const aceite = lines.filter((l) => l[stepCol] === 'Aceite').length;
    const perStep = frame.locator('[data-testid="summary-step-aceite"]');
    if (aceite > 0) assert.equal(Number(await perStep.getAttribute('data-count')), aceite);
    const stepCounts = await frame.locator('[data-testid^="summary-step-"]').evaluateAll((buttons) => buttons.reduce((n, b) => n + Number(b.getAttribute('data-count')), 0));
    assert.equal(stepCounts, lines.length, 'the per-step counts add up to the tickets');
  } finally {
    await context.close();
  }
});

test('filters and sort apply at once and survive a reload', async () => {
  await asUser(LEAD);
  // A regular profile: the app frame keeps its local storage across the reload, as in an agent's Chrome.
  const context = await launchAgentProfile({ locale: 'pt-BR' });
  try {
    const { page, frame } = await openDashboard(context);
    const count = frame.locator('[data-testid="dashboard-count"]');
    const total = Number(await count.getAttribute('data-total'));
    await frame.locator('[data-testid="filter-module"]').selectOption('modulo_fiscal');
    await frame.locator('[data-testid="sort-start"]').click();
    await frame.locator('[data-testid="sort-start"]').click(); // descending
    await frame.locator('th[aria-sort="descending"] [data-testid="sort-start"]').waitFor();
    await frame.locator(`[data-testid="dashboard-count"]:not([data-shown="${total}"])`).waitFor();
    const shown = Number(await count.getAttribute('data-shown'));
    assert.ok(shown > 0 && shown < total, `module filter: ${shown} of ${total}`);
    const modules = await frame.locator('[data-testid="dashboard-row"] td:nth-child(4)').allInnerTexts();
    assert.ok(modules.every((m) => m === modules[0]), 'one module listed');

    await frame.locator('[data-testid="filter-text"]').fill('conciliacao');
    await frame.locator('[data-testid="dashboard-count"][data-shown="0"]').waitFor({ timeout: 5_000 }); // Conciliação is a Financeiro topic, not Fiscal
    await frame.locator('[data-testid="filter-text"]').fill('rejeicao');
    await frame.locator('[data-testid="dashboard-row"]').first().waitFor();
    const subjects = await frame.locator('[data-testid="ticket-link"]').allInnerTexts();
    assert.ok(subjects.length > 0 && subjects.every((s) => s.includes('Rejeição')), 'accents folded: "rejeicao" finds "Rejeição"');
    await frame.locator('[data-testid="filter-text"]').fill('');
    await frame.locator(`[data-testid="dashboard-count"][data-shown="${shown}"]`).waitFor({ timeout: 5_000 });

    await page.reload();
    const again = await appFrame(page).catch(() => null);
    const handle = await page.locator(NAVBAR).elementHandle({ timeout: 20_000 });
    const frame2 = await handle.contentFrame();
    await frame2.locator('[data-testid="dashboard-progress"][data-phase="ready"]').waitFor({ timeout: 90_000 });
    assert.equal(again, null);
    assert.equal(await frame2.locator('[data-testid="filter-module"]').inputValue(), 'modulo_fiscal');
    assert.equal(await frame2.locator('[data-testid="sort-start"]').evaluate((el) => el.closest('th')?.getAttribute('aria-sort')), 'descending');
    assert.equal(Number(await frame2.locator('[data-testid="dashboard-count"]').getAttribute('data-shown')), shown);
  } finally {
    await context.close();
  }
});

// rest.ts tries a GET 4 times: four 500s on the 2nd page make that page fail for good.
test('a failed page keeps the rows already loaded and Retry continues from it', async () => {
  await asUser(LEAD);
  await sandbox.api('/__sandbox/faults', { method: 'POST', body: { path: '^/api/v2/search/export', status: 500, skip: 1, times: 4 } });
  const context = await browser.newContext({ locale: 'pt-BR' });
  try {
    const page = await context.newPage();
    await page.goto(`${sandbox.hostOrigin}/#/dashboard`);
    const frame = await (await page.locator(NAVBAR).elementHandle({ timeout: 20_000 })).contentFrame();
    const gap = frame.locator('[data-testid="dashboard-gap-page"]');
    await gap.waitFor({ timeout: 60_000 });
    assert.match(await gap.innerText(), /página 2/);
    const before = Number(await frame.locator('[data-testid="dashboard-count"]').getAttribute('data-total'));
    assert.equal(before, 1000, 'the first page (1 000 tickets) stays listed');
    await frame.locator('[data-testid="dashboard-gap-retry-page"]').click();
    await frame.locator('[data-testid="dashboard-progress"][data-phase="ready"]').waitFor({ timeout: 90_000 });
    await gap.waitFor({ state: 'detached' });
    assert.ok(Number(await frame.locator('[data-testid="dashboard-count"]').getAttribute('data-total')) > before);
  } finally {
    await sandbox.api('/__sandbox/faults', { method: 'DELETE' });
    await context.close();
  }
});

// The export search's limit is the ACCOUNT's: a 429 on page 2 stands for another lead's refresh
// using it (a real window's Retry-After is up to a minute; the fault's is 3 s).
test('the account\'s search budget in use elsewhere: a warning while the list waits, the rows kept, then no gap', async () => {
  await asUser(LEAD);
  await sandbox.api('/__sandbox/requests', { method: 'DELETE' });
  await sandbox.api('/__sandbox/faults', { method: 'POST', body: { path: '^/api/v2/search/export', status: 429, retryAfter: 3, skip: 1, times: 1 } });
  const context = await browser.newContext({ locale: 'pt-BR' });
  try {
    const page = await context.newPage();
    await page.goto(`${sandbox.hostOrigin}/#/dashboard`);
    const frame = await (await page.locator(NAVBAR).elementHandle({ timeout: 20_000 })).contentFrame();
    const busy = frame.locator('[data-testid="dashboard-account-busy"]');
    await busy.waitFor({ timeout: 60_000 });
    assert.match(await busy.innerText(), /Outro usuário da conta está usando o limite de buscas do Zendesk.*3 s.*1000 tickets/s);
    assert.equal(Number(await frame.locator('[data-testid="dashboard-count"]').getAttribute('data-total')), 1000, 'the first page stays listed');
    await frame.locator('[data-testid="dashboard-progress"][data-phase="ready"]').waitFor({ timeout: 90_000 });
    await busy.waitFor({ state: 'detached' });
    assert.equal(await frame.locator('[data-testid="dashboard-gap-page"]').count(), 0, 'no failed page');
    assert.ok(Number(await frame.locator('[data-testid="dashboard-count"]').getAttribute('data-total')) > 1000);
    const { body } = await sandbox.api('/__sandbox/requests');
    const searches = body.requests.filter((r) => r.origin === 'app' && r.path.startsWith('/api/v2/search/export'));
    assert.deepEqual(searches.slice(0, 3).map((r) => r.status), [200, 429, 200]);
    assert.equal(searches[2].query, searches[1].query, 'the refused page was asked again, not the first one');
  } finally {
    await sandbox.api('/__sandbox/faults', { method: 'DELETE' });
    await context.close();
  }
});

test('only an admin is offered the team view, which is created once and linked', async () => {
  const context = await browser.newContext({ locale: 'pt-BR' });
  try {
    await asUser(LEAD);
    const { frame } = await openDashboard(context);
    assert.equal(await frame.locator('[data-testid="team-views"]').count(), 0, 'a lead without admin rights never sees it');

    await asUser(ADMIN);
    const admin = await openDashboard(context);
    const create = admin.frame.locator('[data-testid^="team-view-create-"]').first();
    await create.click();
    const linked = admin.frame.locator('[data-testid^="team-view-"][data-view-id]').first();
    await linked.waitFor();
    const viewId = Number(await linked.getAttribute('data-view-id'));
    const { body } = await sandbox.api(`/api/v2/views/${viewId}.json`, { userId: ADMIN });
    assert.match(body.view.title, /^Consultoria Técnica — /);
    assert.ok(body.view.conditions.all.some((c) => c.field === 'status' && c.operator === 'less_than' && c.value === 'solved'));
    assert.ok(body.view.conditions.any.some((c) => c.field === 'current_tags' && c.value === 'tipo_consultoria_tecnica'));
    assert.equal(body.view.execution.sort_by, '9000002', 'sorted by the Data controle field, given by its id');
    assert.ok(body.view.execution.columns.some((c) => c.id === 'description' && c.title === 'Subject'), 'the Subject column is "description"');

    const again = await openDashboard(context);
    await again.frame.locator(`[data-view-id="${viewId}"]`).waitFor();
    const views = (await sandbox.api('/api/v2/views.json', { userId: ADMIN })).body.views.filter((v) => v.title === body.view.title);
    assert.equal(views.length, 1, 'created once');
  } finally {
    await context.close();
  }
});

test('the dashboard row of a ticket shows the deadlines its sidebar shows', async () => {
  await asUser(LEAD);
  const context = await browser.newContext({ locale: 'pt-BR' });
  try {
    // Ticket 101 through the lead: Aceite saved, in group 5001 with the lead (as in procedure-flow).
    await sandbox.api('/api/v2/tickets/101.json', { method: 'PUT', userId: 2001, body: { ticket: { group_id: 5001, assignee_id: LEAD, additional_tags: ['consultoria_aceite'] } } });
    const page = await context.newPage();
    await page.goto(`${sandbox.hostOrigin}/#/tickets/101`);
    const app = await appFrame(page);
    await settled(app);
    // The sidebar keeps the index: wait until the saved ticket has it.
    let index = null;
    for (let i = 0; i < 50 && !index; i += 1) {
      const { body } = await sandbox.api('/api/v2/tickets/101.json', { userId: LEAD });
      index = fieldOf(body.ticket, 9000005);
      if (!index) await page.waitForTimeout(200);
    }
    assert.match(index ?? '', /^v1;aceite=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ;relogio=/);
    const sidebarDue = await app.locator('[data-testid="step-availability"] [data-testid="deadline"]').getAttribute('data-due');
    assert.ok(sidebarDue, 'the sidebar shows the 1-período deadline');

    const { frame } = await openDashboard(context);
    await frame.locator('[data-testid="filter-text"]').fill('101');
    await frame.locator('[data-testid="filter-column"]').selectOption('id');
    const row = frame.locator('[data-testid="dashboard-row"][data-ticket-id="101"]');
    await row.waitFor();
    assert.equal(await row.getAttribute('data-index'), 'ok');
    assert.equal(await row.locator('[data-testid="cell-availability"]').getAttribute('data-due'), sidebarDue);
  } finally {
    await context.close();
  }
});

test('a ticket saved without the index gets its deadlines computed from its history, on request', async () => {
  await asUser(LEAD);
  // Ticket 101 saved outside the app with the Aceite, and no index (as before this version existed).
  await sandbox.api('/api/v2/tickets/101.json', { method: 'PUT', userId: 2001, body: { ticket: { group_id: 5001, assignee_id: LEAD, additional_tags: ['consultoria_aceite'], custom_fields: [{ id: 9000005, value: '' }] } } });
  const context = await browser.newContext({ locale: 'pt-BR' });
  try {
    const { frame } = await openDashboard(context);
    await frame.locator('[data-testid="filter-text"]').fill('101');
    await frame.locator('[data-testid="filter-column"]').selectOption('id');
    const row = frame.locator('[data-testid="dashboard-row"][data-ticket-id="101"]');
    await row.waitFor();
    assert.equal(await row.getAttribute('data-index'), 'missing');
    // Offered for the tickets shown without an index (ids containing "101"), closed ones aside: Zendesk refuses to update those.
    const shownRows = await frame.locator('[data-testid="dashboard-row"]').evaluateAll((rows) => rows.map((r) => ({ index: r.dataset.index, status: r.dataset.status })));
    const candidates = shownRows.filter((r) => (r.index === 'missing' || r.index === 'malformed') && r.status !== 'closed').length;
    assert.ok(candidates >= 1 && candidates < 10, `${candidates} shown without an index`);
    const backfill = frame.getByTestId('index-backfill');
    assert.match(await backfill.textContent(), new RegExp(`^${candidates} ticket\\(s\\)`));
    await backfill.getByTestId('index-backfill-start').click();
    await backfill.getByTestId('index-backfill-done').waitFor({ timeout: 60_000 });
    // The list refreshes: the row now has its deadline, from the index written on the ticket.
    await frame.locator('[data-testid="dashboard-row"][data-ticket-id="101"][data-index="ok"]').waitFor({ timeout: 30_000 });
    const { body } = await sandbox.api('/api/v2/tickets/101.json', { userId: LEAD });
    assert.match(fieldOf(body.ticket, 9000005) ?? '', /^v1;aceite=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ;relogio=/);
    assert.ok(await row.locator('[data-testid="cell-availability"]').getAttribute('data-due'), 'the 1-período deadline is shown');
    assert.equal(await backfill.getByTestId('index-backfill-start').count(), 0, 'nothing is left to compute');
    const left = await frame.locator('[data-testid="dashboard-row"]').evaluateAll((rows) => rows.filter((r) => r.dataset.index === 'missing' || r.dataset.index === 'malformed').map((r) => r.dataset.status));
    assert.ok(left.every((status) => status === 'closed'), `only closed tickets keep unknown deadlines: ${left.join(', ')}`);
  } finally {
    await context.close();
  }
});

test('generated tickets: each sampled row shows the step and deadlines its own sidebar derives from the audits', async () => {
  await asUser(LEAD);
  const context = await browser.newContext({ locale: 'pt-BR' });
  try {
    const { page, frame } = await openDashboard(context);
    // Rows with a running or met 1-período deadline, and a few with none, from the first page of the list.
    const rows = await frame.locator('[data-testid="dashboard-row"][data-index="ok"]').evaluateAll((els) =>
      els.map((el) => ({
        id: Number(el.getAttribute('data-ticket-id')),
        step: el.getAttribute('data-step'),
        availability: el.querySelector('[data-testid="cell-availability"]')?.getAttribute('data-due') ?? '',
        start: el.querySelector('[data-testid="cell-start"]')?.getAttribute('data-due') ?? '',
      })),
    );
    const sample = [...rows.filter((r) => r.availability).slice(0, 4), ...rows.filter((r) => !r.availability).slice(0, 2)];
    assert.ok(sample.length >= 4, `sampled ${sample.length} rows`);
    await page.close();
    for (const row of sample) {
      // A workspace with that one ticket tab, so the sidebar frame is that ticket's.
      const ticketPage = await context.newPage();
      await ticketPage.goto(`${sandbox.hostOrigin}/?tickets=${row.id}#/tickets/${row.id}`);
      const app = await appFrame(ticketPage);
      await settled(app);
      assert.match(await app.locator('header').innerText(), new RegExp(`#${row.id}\\b`));
      const cards = await app.locator('[data-testid^="step-"][data-status]').evaluateAll((els) => els.map((el) => ({ id: el.getAttribute('data-testid').slice(5), status: el.getAttribute('data-status') })));
      const current = cards.find((c) => c.status !== 'done' && c.status !== 'not_applicable')?.id ?? 'done';
      assert.equal(row.step, current, `ticket ${row.id}: the current step`);
      const due = async (id) => (await app.locator(`[data-testid="step-${id}"] [data-testid="deadline"]`).getAttribute('data-due').catch(() => null)) ?? '';
      assert.equal(row.availability, await due('availability'), `ticket ${row.id}: the 1-período deadline`);
      assert.equal(row.start, await due('start'), `ticket ${row.id}: the 3-período deadline`);
      await ticketPage.close();
    }
  } finally {
    await context.close();
  }
});

test('Refresh reads only what changed and keeps the rest', async () => {
  await asUser(LEAD);
  const context = await browser.newContext({ locale: 'pt-BR' });
  try {
    const { frame } = await openDashboard(context);
    const count = frame.locator('[data-testid="dashboard-count"]');
    const total = Number(await count.getAttribute('data-total'));
    // Another agent solves one open ticket of the list (without Apontamentos to invoice) meanwhile.
    const ids = await frame.locator('[data-testid="dashboard-row"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-ticket-id'))));
    const records = await allRecords(LEAD);
    const withRecords = new Set(records.map((r) => Number(r.custom_object_fields.ticket)));
    const victim = ids.find((id) => !withRecords.has(id));
    assert.ok(victim, 'a listed ticket without records');
    const { status } = await sandbox.api(`/api/v2/tickets/${victim}.json`, { method: 'PUT', userId: 2001, body: { ticket: { status: 'solved' } } });
    assert.equal(status, 200);

    await sandbox.api('/__sandbox/requests', { method: 'DELETE' });
    await frame.locator('[data-testid="dashboard-refresh"]').click();
    await frame.locator(`[data-testid="dashboard-count"][data-total="${total - 1}"]`).waitFor({ timeout: 30_000 });
    await frame.locator('[data-testid="dashboard-progress"][data-phase="ready"]').waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator(`[data-testid="dashboard-row"][data-ticket-id="${victim}"]`).count(), 0, 'the solved ticket left the open list');

    const { body } = await sandbox.api('/__sandbox/requests');
    const app = body.requests.filter((r) => r.origin === 'app');
    const searches = app.filter((r) => r.path.startsWith('/api/v2/search/export'));
    assert.equal(searches.length, 2, 'one search page for what changed, by group and by module');
    for (const search of searches) assert.match(decodeURIComponent(search.query ?? ''), /updated>\d{4}-\d\d-\d\dT/);
    assert.equal(app.filter((r) => r.method === 'GET' && r.path.endsWith('/records')).length, 0, 'records are not listed again');
    assert.ok(app.filter((r) => r.path.endsWith('/records/search')).length >= 1, 'only the records changed since');
    assert.ok(app.length < 20, `${app.length} requests for the refresh`);
  } finally {
    await context.close();
  }
});

/**
 * axe over the dashboard frame and its page: no serious or critical violation in `state`. Colour
 * transitions (a button just enabled) run to their end first: axe would read a colour half-way.
 */
async function assertAccessible(t, page, state) {
  const frame = await (await page.locator(NAVBAR).elementHandle()).contentFrame();
  await frame.evaluate(() => Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished.catch(() => {}))));
  const results = await new AxeBuilder({ page }).include([NAVBAR, 'html']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of results.violations.filter((x) => !blocking.includes(x))) t.diagnostic(`${state}: ${v.impact}: ${v.id} (${v.nodes.length})`);
  assert.deepEqual(
    blocking.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 80)} ${n.failureSummary ?? ''}`).join(', ')}`),
    [],
    state,
  );
}

test('the dashboard has no serious or critical accessibility violation in any state', async (t) => {
  const context = await browser.newContext({ locale: 'pt-BR' });
  try {
    // Loading (the 2nd search page held back), then a failed page with its notice and Retry.
    await asUser(LEAD);
    await sandbox.api('/__sandbox/faults', { method: 'POST', body: { path: '^/api/v2/search/export', delayMs: 10_000, skip: 1, times: 1 } });
    await sandbox.api('/__sandbox/faults', { method: 'POST', body: { path: '^/api/v2/search/export', status: 500, skip: 1, times: 4 } });
    const page = await context.newPage();
    await page.goto(`${sandbox.hostOrigin}/#/dashboard`);
    const frame = await (await page.locator(NAVBAR).elementHandle({ timeout: 20_000 })).contentFrame();
    // Scanned once the first page is drawn (its rows enable the CSV button), while the second is held back.
    await frame.locator('[data-testid="dashboard-progress"][data-phase="tickets"]').waitFor({ timeout: 30_000 });
    await frame.locator('[data-testid="dashboard-csv"]:not([disabled])').waitFor({ timeout: 30_000 });
    await assertAccessible(t, page, 'loading');
    assert.equal(await frame.locator('[data-testid="dashboard-progress"]').getAttribute('data-phase'), 'tickets', 'still loading when scanned');
    await frame.locator('[data-testid="dashboard-gap-page"]').waitFor({ timeout: 60_000 });
    await assertAccessible(t, page, 'a failed page');
    await sandbox.api('/__sandbox/faults', { method: 'DELETE' });
    await frame.locator('[data-testid="dashboard-gap-retry-page"]').click();
    await frame.locator('[data-testid="dashboard-progress"][data-phase="ready"]').waitFor({ timeout: 90_000 });
    await assertAccessible(t, page, 'the whole list');

    // Filtered to the unknown deadlines, with the offer to compute them; then to nothing at all.
    await frame.locator('[data-testid="filter-flag"]').selectOption('no_index');
    await frame.getByTestId('index-backfill').waitFor();
    await assertAccessible(t, page, 'unknown deadlines and the offer to compute them');
    await frame.locator('[data-testid="filter-text"]').fill('nada-corresponde-a-isto');
    await assertAccessible(t, page, 'no ticket matches');
    await context.close();

    // An admin: the team views panel.
    await asUser(ADMIN);
    const admin = await browser.newContext({ locale: 'pt-BR' });
    try {
      const { page: adminPage, frame: adminFrame } = await openDashboard(admin);
      await adminFrame.getByTestId('team-views').waitFor();
      await assertAccessible(t, adminPage, 'the admin\'s team views');
    } finally {
      await admin.close();
    }
  } finally {
    await sandbox.api('/__sandbox/faults', { method: 'DELETE' });
    await context.close().catch(() => {});
  }
});
