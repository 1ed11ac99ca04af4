// The leads' dashboard over the big fixture (5 000 generated consulting tickets), as the lead of
// group 5001 (≈1 900 of them, plus the solved ones the next closing invoices): time from opening the
// Dashboard tab to the full list, the app's REST requests by kind (none per ticket), and how long a
// filter, a sort and a typed search take to show. Fresh browser context per run; medians.
import { launchBrowser, startSandbox } from '../../test/e2e/support/harness.mjs';
import { metric, summaryMetric } from './metrics.mjs';
import { summarize } from './stats.mjs';

export const DASHBOARD_LABEL = 'dashboard: requests and time to list 5 000 tickets';
const LEAD = 2101;
const RUNS = 3;

/** "GET /api/v2/tickets/10001/audits.json?x" → "GET /api/v2/tickets/N/audits". */
const kindOf = (request) => `${request.method} ${String(request.path ?? request.url ?? '').replace(/\?.*/, '').replace(/\.json$/, '').replace(/\/\d+/g, '/N')}`;

async function oneRun(browser, sandbox) {
  await sandbox.api('/__sandbox/requests', { method: 'DELETE' });
  const context = await browser.newContext({ locale: 'pt-BR', viewport: { width: 1500, height: 1000 } });
  try {
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${sandbox.hostOrigin}/#/dashboard`);
    const frame = await (await page.locator('iframe[data-testid="app-navbar"]').elementHandle({ timeout: 20_000 })).contentFrame();
    await frame.locator('[data-testid="dashboard-progress"][data-phase="ready"]').waitFor({ timeout: 120_000 });
    const listMs = Date.now() - started;
    const total = Number(await frame.locator('[data-testid="dashboard-count"]').getAttribute('data-total'));
    const { body } = await sandbox.api('/__sandbox/requests');
    const mine = body.requests.filter((r) => r.origin === 'app');

    /** ms from an action to the count (or the sort marker) showing its result. */
    const timed = async (act, done) => {
      const t0 = await frame.evaluate(() => performance.now());
      await act();
      await frame.locator(done).waitFor({ timeout: 10_000 });
      return (await frame.evaluate(() => performance.now())) - t0;
    };
    const count = '[data-testid="dashboard-count"]';
    const filterMs = await timed(() => frame.locator('[data-testid="filter-module"]').selectOption('modulo_fiscal'), `${count}:not([data-shown="${total}"])`);
    const sortMs = await timed(() => frame.locator('[data-testid="sort-subject"]').click(), 'th[aria-sort="ascending"] [data-testid="sort-subject"]');
    await frame.locator('[data-testid="filter-clear"]').click();
    await frame.locator(`${count}[data-shown="${total}"]`).waitFor();
    const searchMs = await timed(() => frame.locator('[data-testid="filter-text"]').fill('rejeicao'), `${count}:not([data-shown="${total}"])`);
    return { listMs, total, requests: mine, filterMs, sortMs, searchMs };
  } finally {
    await context.close();
  }
}

/** @returns {Promise<import('./metrics.mjs').Metric[]>} */
export async function measureDashboard() {
  const [browser, sandbox] = await Promise.all([launchBrowser(), startSandbox(['--fixtures', 'big'])]);
  try {
    await sandbox.api('/__sandbox/current-user', { method: 'POST', body: { id: LEAD } });
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await oneRun(browser, sandbox));
    const last = runs[runs.length - 1];
    const byKind = new Map();
    for (const r of last.requests) byKind.set(kindOf(r), (byKind.get(kindOf(r)) ?? 0) + 1);
    const perTicket = last.requests.filter((r) => /\/tickets\/\d+(\/|\.json|$)/.test(String(r.path ?? r.url ?? ''))).length;
    const worst = Math.max(...runs.map((r) => r.requests.length));
    return [
      summaryMetric('dashboard.listMs', `${last.total} tickets listed (tab opened → list complete)`, summarize(runs.map((r) => r.listMs)), 'ms'),
      metric('dashboard.restRequests', 'REST requests of the app for the whole list (worst run)', worst, 'count', {
        note: [...byKind].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n}× ${k}`).join(', '),
      }),
      metric('dashboard.perTicketRequests', 'requests for one ticket (audits, ticket by id)', perTicket, 'count'),
      summaryMetric('dashboard.filterMs', 'module filter applied (select → count shown)', summarize(runs.map((r) => r.filterMs)), 'ms'),
      summaryMetric('dashboard.sortMs', 'sort by subject (click → sorted)', summarize(runs.map((r) => r.sortMs)), 'ms'),
      summaryMetric('dashboard.searchMs', 'text search in every column (typed → count shown)', summarize(runs.map((r) => r.searchMs)), 'ms'),
    ];
  } finally {
    await browser.close();
    await sandbox.stop();
  }
}
