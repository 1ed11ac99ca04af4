// Builds the probe app (plain JS + the CommonJS ZAF SDK) into .tmp/probe-dist, which the sandbox
// server serves at <appOrigin>/probe/. Run: npx vite build --config sandbox/probe/vite.config.mjs
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  publicDir: 'public',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../.tmp/probe-dist', import.meta.url)),
    emptyOutDir: true,
    minify: false,
  },
});
