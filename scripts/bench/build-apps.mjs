// The two things the bench loads: the app (`npm run build` → dist/, exactly as shipped) and the
// probe (sandbox/probe → .tmp/probe-dist). Build output is kept quiet unless the build fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

export function buildApp(root) {
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`npm run build failed (exit ${result.status})`);
  }
}

/** @returns {Promise<string>} the probe's folder, for the sandbox's --probe-dir */
export async function buildProbe(root, { force }) {
  const outDir = join(root, '.tmp/probe-dist');
  if (force || !existsSync(join(outDir, 'index.html'))) {
    await build({ configFile: join(root, 'sandbox/probe/vite.config.mjs'), logLevel: 'warn' });
  }
  return outDir;
}
