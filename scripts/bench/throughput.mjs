// Procedure core throughput: bundles procedure-workload.mjs with Vite's build API (the same
// transform and minifier as the app's build) into .tmp/bench/, then times it in this process.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { summaryMetric } from './metrics.mjs';
import { summarize } from './stats.mjs';

/** @returns {Promise<string>} the bundled module's path */
export async function bundleWorkload(root) {
  const outDir = join(root, '.tmp/bench');
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    // The app's manifest.json is imported by settings.ts; Vite's JSON plugin inlines it.
    build: {
      ssr: join(root, 'scripts/bench/procedure-workload.mjs'),
      outDir,
      emptyOutDir: true,
      minify: true,
      target: 'node20',
      rollupOptions: { output: { entryFileNames: 'procedure-workload.mjs' } },
    },
    ssr: { noExternal: true },
  });
  return join(outDir, 'procedure-workload.mjs');
}

/**
 * @param {{ root: string, rounds?: number, roundMs?: number }} options
 * @returns {Promise<import('./metrics.mjs').Metric[]>}
 */
export async function measureThroughput({ root, rounds, roundMs }) {
  const bundle = await bundleWorkload(root);
  // A query string defeats the import cache when the bench is run twice from one process (tests).
  const { runWorkload } = await import(`${pathToFileURL(bundle).href}?t=${Date.now()}`);
  const result = runWorkload({ rounds, roundMs });
  const states = Object.keys(result.coverage).length;
  return [
    summaryMetric('throughput.derivationsPerSec', `checklist derivations (${states} distinct next steps)`, summarize(result.derivations), 'ops/s'),
    summaryMetric('throughput.deadlinesPerSec', `deadlineStatus (${result.clocks} clocks, 1 and 3 períodos)`, summarize(result.deadlines), 'ops/s'),
  ];
}
