// Cold load in Chromium against a private sandbox: the app and the probe (the ZAF SDK alone, one
// get, one paint) loaded alternately, each run in a fresh browser context (empty HTTP cache, no
// storage). Absolute times on a shared 2-core machine mean little; the app ÷ probe ratio of medians,
// measured side by side in one run, is what the budgets compare.
import { appFrame } from '../../test/e2e/support/harness.mjs';
import { metric, summaryMetric, heading } from './metrics.mjs';
import { instrumentDocument } from './page-instrumentation.mjs';
import { medianRatio, summarize } from './stats.mjs';

/** What "ready" means for each app: the element whose paint ends the measurement. */
export const SUBJECTS = {
  app: { query: '', target: '[data-testid="checklist"]', ready: 'checklist visible' },
  probe: { query: '&app=probe', target: '[data-testid="probe-subject"]:not(:empty)', ready: 'subject rendered' },
};

/**
 * @typedef {{ handshakeMs: number|null, fcpMs: number|null, readyMs: number, zafIn: number, zafOut: number, gets: number, rest: number, frameStartMs: number }} RunSample
 */

/**
 * Turns one run's raw records into durations from the iframe's creation.
 * @param {{ hostMarks: any, hostTimeOrigin: number, zafLog: any[], frameMarks: any, guid: string, requests: any[] }} raw
 * @returns {RunSample}
 */
export function analyseRun({ hostMarks, hostTimeOrigin, zafLog, frameMarks, guid, requests }) {
  const zero = hostMarks.iframeCreated;
  const ready = frameMarks.targetPainted;
  if (zero === null || ready === null) throw new Error('the run did not record the iframe creation or the ready paint');
  const mine = zafLog.filter((entry) => entry.guid === guid).map((entry) => ({ ...entry, epoch: hostTimeOrigin + entry.t }));
  const handshake = mine.find((entry) => entry.dir === 'in' && entry.message?.key === 'iframe.handshake');
  const before = mine.filter((entry) => entry.epoch < ready);
  return {
    handshakeMs: handshake ? handshake.epoch - zero : null,
    fcpMs: frameMarks.fcp === null ? null : frameMarks.fcp - zero,
    readyMs: ready - zero,
    zafIn: before.filter((e) => e.dir === 'in').length,
    zafOut: before.filter((e) => e.dir === 'out').length,
    gets: before.filter((e) => e.dir === 'in' && e.message?.request === 'get').length,
    // The workspace's own calls (origin 'host': ticket load, polling) are not the app's.
    rest: requests.filter((r) => r.origin === 'app' && Date.parse(r.at) < ready).length,
    // Sanity check of the shared epoch clock: the frame's navigation must start after its creation.
    frameStartMs: frameMarks.timeOrigin - zero,
  };
}

const PAINTED_BINDING = '__benchTargetPainted';

function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]).finally(() => clearTimeout(timer));
}

/** One cold load of `kind` ('app' | 'probe') on `ticketId`, in its own browser context. */
export async function coldRun(browser, sandbox, kind, ticketId) {
  const subject = SUBJECTS[kind];
  await sandbox.api('/__sandbox/requests', { method: 'DELETE' });
  const context = await browser.newContext({ locale: 'pt-BR' });
  try {
    // The frame reports its paint through a binding: polling it with waitForFunction would inject
    // Playwright's scripts into the frame while it loads (≈ 20 ms of its main thread, measured).
    let reportPainted;
    const painted = new Promise((resolve) => (reportPainted = resolve));
    await context.exposeBinding(PAINTED_BINDING, ({ frame }) => reportPainted(frame));
    await context.addInitScript(instrumentDocument, { hostOrigin: sandbox.hostOrigin, target: subject.target, binding: PAINTED_BINDING });
    const page = await context.newPage();
    // One tab only, so the log holds one sidebar instance and nothing else competes for the CPU.
    await page.goto(`${sandbox.hostOrigin}/?tickets=${ticketId}${subject.query}#/tickets/${ticketId}`);
    const frame = await withTimeout(painted, 30_000, `${kind}: ${subject.ready} not reported within 30 s`);
    if (frame !== (await appFrame(page))) throw new Error(`${kind}: the paint was reported by another frame than the sidebar's`);
    // FCP entries are queued after the paint; give a late one a moment rather than failing the run.
    await frame.waitForFunction(() => window.__bench.fcp !== null, null, { timeout: 3_000 }).catch(() => {});
    const frameMarks = await frame.evaluate(() => ({ ...window.__bench }));
    const host = await page.evaluate(() => ({ hostMarks: { ...window.__bench }, hostTimeOrigin: performance.timeOrigin, zafLog: window.sandbox.zafLog() }));
    const { body } = await sandbox.api('/__sandbox/requests');
    const guid = new URL(frame.url()).searchParams.get('app_guid');
    return analyseRun({ ...host, frameMarks, guid, requests: body.requests });
  } finally {
    await context.close();
  }
}

/**
 * N interleaved runs (app, probe, app, probe…) after one discarded warm-up pair (the first
 * renderer launch and cold server caches would otherwise land on whichever app went first).
 * @returns {Promise<{ app: RunSample[], probe: RunSample[] }>}
 */
export async function coldRuns(browser, sandbox, { runs, ticketId, onProgress = () => {} }) {
  const samples = { app: [], probe: [] };
  for (let i = -1; i < runs; i += 1) {
    for (const kind of ['app', 'probe']) {
      const sample = await coldRun(browser, sandbox, kind, ticketId);
      // The frame cannot start loading before its iframe exists: if it seems to, the clocks disagree.
      if (sample.frameStartMs < -2) process.stderr.write(`bench: warning: frame clock ${sample.frameStartMs.toFixed(1)} ms before its iframe (${kind})\n`);
      if (i >= 0) samples[kind].push(sample);
      onProgress(kind, i, sample);
    }
  }
  return samples;
}

/** The rows of the table for the cold-load samples. */
export function coldLoadMetrics(samples, { ticketId }) {
  const summaryOf = (kind, key) => summarize(samples[kind].map((s) => s[key]));
  // Counts are budgeted on the worst run: one extra round trip in any run is a real regression.
  const countMetric = (id, label, summary) => metric(id, label, summary?.max ?? null, 'count', { spread: summary ? { min: summary.min, max: summary.max } : null, note: 'worst run' });
  const rows = [];
  for (const kind of ['app', 'probe']) {
    const ready = SUBJECTS[kind].ready;
    rows.push(heading(`cold load ${kind}: ticket ${ticketId}, ${samples[kind].length} runs, ms from iframe creation`));
    rows.push(summaryMetric(`coldLoad.${kind}.handshakeMs`, '→ iframe.handshake', summaryOf(kind, 'handshakeMs'), 'ms'));
    rows.push(summaryMetric(`coldLoad.${kind}.fcpMs`, '→ first contentful paint', summaryOf(kind, 'fcpMs'), 'ms'));
    rows.push(summaryMetric(`coldLoad.${kind}.readyMs`, `→ ${ready}`, summaryOf(kind, 'readyMs'), 'ms'));
    rows.push(countMetric(`coldLoad.${kind}.zafMessagesIn`, `ZAF msgs app→host before ${ready.split(' ')[0]}`, summaryOf(kind, 'zafIn')));
    rows.push(countMetric(`coldLoad.${kind}.gets`, '  of which batched get', summaryOf(kind, 'gets')));
    rows.push(countMetric(`coldLoad.${kind}.zafMessagesOut`, `ZAF msgs host→app before ${ready.split(' ')[0]}`, summaryOf(kind, 'zafOut')));
    rows.push(countMetric(`coldLoad.${kind}.restRequests`, `REST requests before ${ready.split(' ')[0]}`, summaryOf(kind, 'rest')));
  }
  rows.push(heading('cold load app ÷ probe: ratio of medians, same run'));
  const ratio = (key) => medianRatio(summaryOf('app', key), summaryOf('probe', key));
  rows.push(metric('coldLoad.ratio.handshake', 'handshake', ratio('handshakeMs'), '×'));
  rows.push(metric('coldLoad.ratio.fcp', 'first contentful paint', ratio('fcpMs'), '×'));
  // The budget's reading of "≤ 2× the probe's first paint": the probe's FCP (its static text),
  // stricter than its subject paint, which the last row compares like for like.
  rows.push(metric('coldLoad.ratio.readyVsProbeFcp', 'checklist visible ÷ probe first contentful paint', medianRatio(summaryOf('app', 'readyMs'), summaryOf('probe', 'fcpMs')), '×'));
  rows.push(metric('coldLoad.ratio.ready', 'checklist visible ÷ probe subject rendered', ratio('readyMs'), '×'));
  return rows;
}
