// The load as the agent feels it: everything the sidebar's frame downloads and asks for from the
// iframe's creation until it goes quiet, not only the critical path the first-load row counts.
// Read from the browser's network events, so the app carries no measuring code:
//   files and bytes: every response from the app's origin (HTML, JS, CSS, JSON…), gzip (zlib 6)
//     of the body as the first-load row counts it;
//   waterfall depth: the longest chain of files each found in the previous one (iframe.html →
//     entry → lazy chunk → …), each link a round trip the agent waits for;
//   requests made twice: the same method and URL (asset or REST through the ZAF proxy) more than once;
//   idle: the end of the last of those requests or of the frame's last long task, once nothing
//     else started for QUIET_MS.
// Run plain, and with Chromium's CPU throttled 4× and 50 ms added to every round trip.
import { posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { importsOf, pageEntries } from './first-load.mjs';
import { metric, summaryMetric, heading } from './metrics.mjs';
import { instrumentDocument } from './page-instrumentation.mjs';
import { SUBJECTS } from './cold-load.mjs';
import { medianRatio, summarize } from './stats.mjs';

const QUIET_MS = 1500;
const KB = 1000;

export const CONDITIONS = {
  plain: { label: 'no throttling', cpuRate: 1, latencyMs: 0 },
  throttled: { label: 'CPU 4× slower, 50 ms round trip', cpuRate: 4, latencyMs: 50 },
};

/**
 * Chromium throttles one renderer per DevTools session, and the sidebar's frame (another site)
 * gets its own process only after its load began: the throttled runs keep it in the workspace's
 * process so one session slows both from the first byte. The unthrottled runs keep site isolation.
 */
export const SHARED_PROCESS_ARGS = ['--disable-site-isolation-trials', '--disable-features=IsolateOrigins,site-per-process'];

/**
 * The app's requests of one run (files from its origin, REST through the ZAF proxy), from
 * Playwright's context events: they cover the sidebar's frame although it runs in its own process
 * (another site than the workspace). Times are epoch ms, the clock the frame's marks share.
 */
function networkLog(context, isApp) {
  const requests = new Map();
  context.on('request', (request) => {
    if (isApp(request)) requests.set(request, { request, url: request.url(), method: request.method(), start: Date.now(), end: null });
  });
  const finish = (request) => {
    const r = requests.get(request);
    if (r && r.end === null) r.end = Date.now();
  };
  context.on('requestfinished', finish);
  context.on('requestfailed', finish);
  return {
    all: () => [...requests.values()],
    lastActivity: () => Math.max(0, ...[...requests.values()].map((r) => r.end ?? r.start)),
    inFlight: () => [...requests.values()].some((r) => r.end === null),
  };
}

/**
 * Longest chain of files each found in the one before it (the frame's page is depth 1, what it
 * names depth 2…): a file is asked for when the first loaded file naming it (a module script, a
 * preload, a static or dynamic import) has arrived, so its depth is the shortest such chain.
 * @param {{ url: string, body: Buffer|null }[]} files the frame's page among them
 */
export function waterfallDepth(files) {
  const loaded = new Map(files.map((f) => [f.url, f]));
  const named = (file) => {
    if (!file.body) return [];
    const text = file.body.toString('utf8');
    const { pathname } = new URL(file.url);
    if (/\.html?$/.test(pathname)) return pageEntries(text, posix.dirname(pathname)).map((path) => new URL(path, file.url).href);
    if (!/\.m?js$/.test(pathname)) return [];
    const { statics, dynamics } = importsOf(text);
    return [...statics, ...dynamics].filter((spec) => spec.startsWith('.') || spec.startsWith('/')).map((spec) => new URL(spec, file.url).href);
  };
  const page = files.find((f) => /\.html?$/.test(new URL(f.url).pathname));
  const depth = new Map(page ? [[page.url, 1]] : []);
  const queue = page ? [page] : [];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const url of named(file)) {
      if (!loaded.has(url) || depth.has(url)) continue;
      depth.set(url, depth.get(file.url) + 1);
      queue.push(loaded.get(url));
    }
  }
  return Math.max(0, ...depth.values());
}

/** Requests whose method and URL repeat an earlier one (the REST log includes the app's proxy calls). */
export function repeatedRequests(requests) {
  const seen = new Set();
  const repeats = [];
  for (const r of requests) {
    const key = `${r.method} ${r.url}`;
    if (seen.has(key)) repeats.push(key);
    seen.add(key);
  }
  return repeats;
}

function waitFor(predicate, { timeoutMs, what }) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = async () => {
      if (await predicate()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`${what} not within ${timeoutMs} ms`));
      setTimeout(tick, 50);
    };
    tick();
  });
}

/** One load of `kind` ('app' | 'probe') until idle, in a fresh browser context. */
export async function idleRun(browser, sandbox, kind, ticketId, condition) {
  const subject = SUBJECTS[kind];
  const context = await browser.newContext({ locale: 'pt-BR' });
  try {
    await context.addInitScript(instrumentDocument, { hostOrigin: sandbox.hostOrigin, target: subject.target });
    const isFile = (url) => url.startsWith(sandbox.appOrigin);
    const log = networkLog(context, (request) => isFile(request.url()) || request.headers()['x-sandbox-origin'] === 'app');
    const page = await context.newPage();
    if (condition.cpuRate !== 1 || condition.latencyMs) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: condition.cpuRate });
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: condition.latencyMs, downloadThroughput: -1, uploadThroughput: -1 });
    }
    await page.goto(`${sandbox.hostOrigin}/?tickets=${ticketId}${subject.query}#/tickets/${ticketId}`);
    const frameOf = () => page.frames().find((f) => isFile(f.url()));
    await waitFor(async () => (await frameOf()?.evaluate(() => window.__bench?.targetPainted ?? null).catch(() => null)) != null, { timeoutMs: 60_000, what: `${kind}: ${subject.ready}` });
    const frame = frameOf();
    const lastLongTask = () => frame.evaluate(() => window.__bench.lastLongTaskEnd ?? 0);
    // Idle: none of the app's requests in flight, and nothing new (request or long task) for QUIET_MS.
    await waitFor(async () => !log.inFlight() && Date.now() - Math.max(log.lastActivity(), await lastLongTask()) >= QUIET_MS, { timeoutMs: 120_000, what: `${kind}: idle` });
    const { iframeCreated } = await page.evaluate(() => ({ ...window.__bench }));
    // The workspace reads the app's manifest before it creates the frame: that is not the app's load.
    const mine = log.all().filter((r) => r.start >= iframeCreated - 1);
    const files = [];
    for (const r of mine.filter((x) => isFile(x.url))) {
      const response = await r.request.response();
      files.push({ url: r.url, body: response ? await response.body().catch(() => null) : null });
    }
    const gzipBytes = files.reduce((sum, f) => sum + (f.body ? gzipSync(f.body, { level: 6 }).length : 0), 0);
    return {
      files: files.length,
      gzipKB: gzipBytes / KB,
      depth: waterfallDepth(files),
      rest: mine.length - files.length,
      repeats: repeatedRequests(mine),
      idleMs: Math.max(log.lastActivity(), await lastLongTask()) - iframeCreated,
    };
  } finally {
    await context.close();
  }
}

/** N interleaved app/probe pairs per condition, after one discarded warm-up pair. */
export async function idleRuns(browser, sandbox, { runs, ticketId, conditions = Object.keys(CONDITIONS), onProgress = () => {} }) {
  const samples = {};
  for (const name of conditions) {
    samples[name] = { app: [], probe: [] };
    for (let i = -1; i < runs; i += 1) {
      for (const kind of ['app', 'probe']) {
        const sample = await idleRun(browser, sandbox, kind, ticketId, CONDITIONS[name]);
        if (i >= 0) samples[name][kind].push(sample);
        onProgress(name, kind, i, sample);
      }
    }
  }
  return samples;
}

/** The table's rows. Counts and bytes are the worst run: one extra file in any run is real. */
export function idleMetrics(samples, { ticketId }) {
  const rows = [];
  for (const [name, byKind] of Object.entries(samples)) {
    const { label } = CONDITIONS[name];
    const of = (kind, key) => summarize(byKind[kind].map((s) => s[key]));
    const worst = (id, text, kind, key, unit) => {
      const s = of(kind, key);
      return metric(id, text, s?.max ?? null, unit, { spread: s ? { min: s.min, max: s.max } : null, note: 'worst run' });
    };
    rows.push(heading(`load until idle (${label}): ticket ${ticketId}, ${byKind.app.length} runs each, ms from iframe creation`));
    if (name === 'plain') {
      rows.push(worst('loadToIdle.app.gzipKB', 'app: everything loaded, gzip', 'app', 'gzipKB', 'KB'));
      rows.push(worst('loadToIdle.app.files', 'app: files loaded', 'app', 'files', 'count'));
      rows.push(worst('loadToIdle.app.waterfallDepth', 'app: depth of the file waterfall', 'app', 'depth', 'count'));
      rows.push(worst('loadToIdle.app.restRequests', 'app: REST requests until idle', 'app', 'rest', 'count'));
      const repeats = [...new Set(byKind.app.flatMap((s) => s.repeats))];
      rows.push(metric('loadToIdle.app.repeatedRequests', 'app: requests made twice (any run)', Math.max(0, ...byKind.app.map((s) => s.repeats.length)), 'count', repeats.length ? { note: repeats.join('; ') } : {}));
      rows.push(worst('loadToIdle.probe.gzipKB', 'probe: everything loaded, gzip', 'probe', 'gzipKB', 'KB'));
      rows.push(worst('loadToIdle.probe.files', 'probe: files loaded', 'probe', 'files', 'count'));
    }
    rows.push(summaryMetric(`loadToIdle.${name}.app.idleMs`, 'app: → idle', of('app', 'idleMs'), 'ms'));
    rows.push(summaryMetric(`loadToIdle.${name}.probe.idleMs`, 'probe: → idle', of('probe', 'idleMs'), 'ms'));
    rows.push(metric(`loadToIdle.${name}.ratio.idle`, 'app idle ÷ probe idle (ratio of medians)', medianRatio(of('app', 'idleMs'), of('probe', 'idleMs')), '×'));
  }
  return rows;
}
