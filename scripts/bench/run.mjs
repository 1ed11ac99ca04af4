// npm run bench [-- --no-build] [--runs N] [--idle-runs N] [--ticket ID] [--budgets FILE]
// Builds the app, measures it, prints ONE table and exits 1 when a budget in bench-budgets.json is
// exceeded (or a budgeted figure could not be measured). Progress goes to stderr, the table to stdout.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchBrowser, startSandbox } from '../../test/e2e/support/harness.mjs';
import { checkBudgets, loadBudgets } from './budgets.mjs';
import { buildApp, buildProbe } from './build-apps.mjs';
import { coldLoadMetrics, coldRuns } from './cold-load.mjs';
import { idleMetrics, idleRuns, SHARED_PROCESS_ARGS } from './load-to-idle.mjs';
import { measureDashboard } from './dashboard.mjs';
import { measureFirstLoad } from './first-load.mjs';
import { heading, metric } from './metrics.mjs';
import { renderTable } from './table.mjs';
import { measureThroughput } from './throughput.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const KB = 1000; // as Vite prints sizes

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    // 15 pairs: with 7, the probe's first paint alone moved the ratio by ±0.2 between runs.
    runs: { type: 'string', default: '15' },
    // Pairs per condition for the load-until-idle rows (each run waits for 1.5 s of quiet).
    'idle-runs': { type: 'string', default: '5' },
    ticket: { type: 'string', default: '101' },
    budgets: { type: 'string', default: `${ROOT}bench-budgets.json` },
  },
});
const runs = Number(args.runs);
const idleRunCount = Number(args['idle-runs']);
const ticketId = Number(args.ticket);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${args.runs}`);
if (!Number.isInteger(idleRunCount) || idleRunCount < 1) throw new Error(`--idle-runs must be a positive integer, got ${args['idle-runs']}`);

const log = (line) => process.stderr.write(`bench: ${line}\n`);

function firstLoadRows() {
  const sizes = measureFirstLoad(`${ROOT}dist`);
  const rows = [
    heading(`sidebar bytes: first load = iframe.html + static imports; gzip (zlib 6), 1 KB = 1000 B`),
    metric('firstLoad.rawKB', `first load JS+CSS, raw (${sizes.firstLoad.length} files)`, sizes.total.raw / KB, 'KB'),
    metric('firstLoad.gzipKB', 'first load JS+CSS, gzip', sizes.total.gzip / KB, 'KB'),
  ];
  const chunk = (prefix) => (file) => metric(`${prefix}:${file.file}`, `${prefix} ${file.file.replace(/^assets\//, '')} (raw ${(file.raw / KB).toFixed(2)} KB)`, file.gzip / KB, 'KB');
  if (sizes.firstLoad.length > 1) rows.push(...sizes.firstLoad.map(chunk('first-load')));
  rows.push(...sizes.lazy.map(chunk('lazy')));
  rows.push(...sizes.unreferenced.map(chunk('unreferenced')));
  return rows;
}

async function throughputRows() {
  return [heading('procedure core throughput: Vite bundle, 2 000 generated tickets, 5 slices of 0.4 s'), ...(await measureThroughput({ root: ROOT, rounds: 5, roundMs: 400 }))];
}

async function coldLoadRows() {
  const probeDir = await buildProbe(ROOT, { force: !args['no-build'] });
  const [browser, sandbox] = await Promise.all([launchBrowser(), startSandbox(['--probe-dir', probeDir])]);
  try {
    const samples = await coldRuns(browser, sandbox, {
      runs,
      ticketId,
      onProgress: (kind, i, s) => log(`cold load ${i < 0 ? 'warm-up' : `run ${i + 1}/${runs}`} ${kind}: ready ${s.readyMs.toFixed(0)} ms`),
    });
    return coldLoadMetrics(samples, { ticketId });
  } finally {
    await browser.close();
    await sandbox.stop();
  }
}

async function loadToIdleRows() {
  const probeDir = await buildProbe(ROOT, { force: false });
  const [browser, sharedProcessBrowser, sandbox] = await Promise.all([launchBrowser(), launchBrowser(SHARED_PROCESS_ARGS), startSandbox(['--probe-dir', probeDir])]);
  try {
    const progress = (name, kind, i, s) => log(`until idle ${name} ${i < 0 ? 'warm-up' : `run ${i + 1}/${idleRunCount}`} ${kind}: idle ${s.idleMs.toFixed(0)} ms, ${s.files} files`);
    const plain = await idleRuns(browser, sandbox, { runs: idleRunCount, ticketId, conditions: ['plain'], onProgress: progress });
    const throttled = await idleRuns(sharedProcessBrowser, sandbox, { runs: idleRunCount, ticketId, conditions: ['throttled'], onProgress: progress });
    return idleMetrics({ ...plain, ...throttled }, { ticketId });
  } finally {
    await Promise.all([browser.close(), sharedProcessBrowser.close()]);
    await sandbox.stop();
  }
}

async function dashboardRows() {
  return [heading('dashboard'), ...(await measureDashboard())];
}

/** In this order: the CPU-bound throughput runs before Chromium and the sandbox exist. */
const SECTIONS = [
  ['sidebar first load', firstLoadRows],
  ['throughput', throughputRows],
  ['cold load', coldLoadRows],
  ['load until idle', loadToIdleRows],
  ['dashboard', dashboardRows],
];

async function main() {
  const budgets = loadBudgets(args.budgets);
  if (!args['no-build']) {
    log('npm run build…');
    buildApp(ROOT);
  }
  const rows = [];
  const broken = [];
  for (const [name, measure] of SECTIONS) {
    log(`${name}…`);
    try {
      rows.push(...(await measure()));
    } catch (error) {
      // Keep going: the other figures are still worth printing; the missing ones fail their budgets.
      broken.push(name);
      log(`${name} FAILED: ${error.stack ?? error}`);
      rows.push(heading(`${name}: not measured (${String(error.message ?? error).split('\n')[0]})`));
    }
  }
  // Budgets whose figure never came (a section failed) still get a row, so the table shows every budget.
  const measured = new Set(rows.filter((row) => !('heading' in row)).map((row) => row.id));
  const orphans = Object.keys(budgets).filter((id) => !measured.has(id));
  if (orphans.length > 0) rows.push(heading('budgets without a figure'), ...orphans.map((id) => metric(id, id, null, budgets[id].unit, { note: 'not measured' })));
  const metrics = rows.filter((row) => !('heading' in row));
  const { verdicts, failed } = checkBudgets(metrics, budgets);
  process.stdout.write(`${renderTable(rows, verdicts)}\n`);
  const passed = verdicts.size - failed.length;
  process.stdout.write(`\nbudgets (${args.budgets.replace(ROOT, '')}): ${passed}/${verdicts.size} within${failed.length ? `; failed: ${failed.join(', ')}` : ''}\n`);
  const missedGoals = [...verdicts].filter(([, v]) => v.goalMet === false).map(([id]) => id);
  if (missedGoals.length > 0) process.stdout.write(`goals not reached yet (they do not fail the run): ${missedGoals.join(', ')}\n`);
  if (failed.length > 0 || broken.length > 0) process.exitCode = 1;
}

await main();
