import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The iframe page lives at assets/iframe.html, as in every Zendesk app package; `base: './'`
// keeps every URL relative because Zendesk serves the files from its CDN, not from `/`.
export default defineConfig({
  base: './',
  publicDir: false,
  plugins: [react()],
  resolve: {
    alias: [{ find: /^\.\/vendor\/native-promise-only$/, replacement: fileURLToPath(new URL('./src/zendesk/native-promise.ts', import.meta.url)) }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
    rollupOptions: {
      input: { iframe: 'assets/iframe.html' },
    },
  },
});
