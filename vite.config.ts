import { defineConfig, type Plugin, type Rolldown } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

type ChunkingContext = Rolldown.ChunkingContext;

/**
 * polished builds its colour helpers with `curry(fn)` / `pixelsto(unit)` calls at its top level,
 * unmarked: the bundler must assume they have side effects and kept every helper (mix, tint,
 * shade, saturate…) whether Garden used it or not. The package says `"sideEffects": false`;
 * marking these calls pure lets tree-shaking drop the unused ones.
 */
function polishedPureCalls(): Plugin {
  return {
    name: 'polished-pure-calls',
    transform: {
      filter: { id: /[\\/]polished[\\/]dist[\\/]polished\.esm\.js$/ },
      handler(code) {
        return { code: code.replace(/^(var [\w$]+ = )(curry|pixelsto)\b(?: \/\*[^*]*\*\/)?\(/gm, '$1/*#__PURE__*/$2('), map: null };
      },
    },
  };
}

/**
 * Runs the handshake chunk (see `codeSplitting` below) as a module script of its own, before the
 * page's entry: a module script runs once ITS imports are here, so the handshake leaves while the
 * rest of the first load is still downloading and compiling. main.tsx imports the same file: one
 * module, evaluated once. The chunks both import (Rolldown's small runtime) are preloaded from the
 * page: otherwise the browser only learns of them once a chunk has arrived, one more round trip.
 */
function handshakeFirst(): Plugin {
  return {
    name: 'handshake-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).filter((file): file is Rolldown.OutputChunk => file.type === 'chunk');
        const chunk = chunks.find((file) => file.name === 'zaf-handshake');
        if (!chunk) throw new Error('handshake-first: no zaf-handshake chunk in the bundle');
        const url = (fileName: string) => `./${fileName.replace(/^assets\//, '')}`;
        const entry = chunks.find((file) => file.isEntry);
        const shared = [...new Set([...chunk.imports, ...(entry?.imports ?? [])])].filter((fileName) => fileName !== chunk.fileName);
        return [
          { tag: 'script', attrs: { type: 'module', crossorigin: true, async: true, src: url(chunk.fileName) }, injectTo: 'head-prepend' },
          ...shared.map((fileName) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: url(fileName) }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

/**
 * Vite wraps every lazy `import()` in a helper that preloads the chunk's CSS and JS dependencies
 * and dispatches `vite:preloadError` (1.1 KB gzip of the first load). This app has no CSS files and
 * `modulePreload: false`, so every call passes an empty list and the helper does nothing useful:
 * it becomes a plain call. The build fails if a dependency list ever shows up, rather than
 * silently dropping a preload.
 */
function plainLazyImports(): Plugin {
  return {
    name: 'plain-lazy-imports',
    apply: 'build',
    enforce: 'pre',
    load: {
      filter: { id: /^\0vite\/preload-helper\.js$/ },
      handler: () => 'export const __vitePreload = (load) => load();',
    },
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && file.code.includes('__vite__mapDeps')) throw new Error(`plain-lazy-imports: ${file.fileName} has lazy imports with preload dependencies`);
      }
    },
  };
}

/**
 * Names `chunk` for the app's modules (not node_modules) that the entry reaches by static imports:
 * the code the sidebar needs before any lazy import. Lazy-only modules are left to the bundler.
 */
function firstLoadModules(chunk: string) {
  const reached = new Map<string, boolean>();
  const reachesEntry = (id: string, ctx: ChunkingContext, path: Set<string>): boolean => {
    const known = reached.get(id);
    if (known !== undefined) return known;
    if (path.has(id)) return false; // an import cycle: decided by the other importers
    path.add(id);
    const info = ctx.getModuleInfo(id);
    const result = Boolean(info && (info.isEntry || info.importers.some((importer) => reachesEntry(importer, ctx, path))));
    path.delete(id);
    // A "no" met inside a cycle may still turn into a "yes" from the outside: only settled answers are kept.
    if (result || path.size === 0) reached.set(id, result);
    return result;
  };
  return (id: string, ctx: ChunkingContext) => (!id.includes('node_modules') && reachesEntry(id, ctx, new Set()) ? chunk : null);
}

// The iframe page lives at assets/iframe.html, as in every Zendesk app package; `base: './'`
// keeps every URL relative because Zendesk serves the files from its CDN, not from `/`.
export default defineConfig({
  base: './',
  publicDir: false,
  plugins: [react(), polishedPureCalls(), handshakeFirst(), plainLazyImports()],
  resolve: {
    alias: [
      { find: /^\.\/vendor\/native-promise-only$/, replacement: fileURLToPath(new URL('./src/zendesk/native-promise.ts', import.meta.url)) },
      // Garden's two lodash one-liners, without the private lodash each package carries (2 KB gzip).
      { find: /^lodash\.get$/, replacement: fileURLToPath(new URL('./src/ui/vendor/lodash-get.ts', import.meta.url)) },
      { find: /^lodash\.memoize$/, replacement: fileURLToPath(new URL('./src/ui/vendor/lodash-memoize.ts', import.meta.url)) },
      // Garden's ten polished helpers, on color2k which Garden already brings (3 KB gzip less; src/ui/vendor/polished.ts).
      { find: /^polished$/, replacement: fileURLToPath(new URL('./src/ui/vendor/polished.ts', import.meta.url)) },
    ],
  },
  build: {
    outDir: 'dist',
    // Every browser Zendesk supports preloads modules itself.
    modulePreload: false,
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
    rollupOptions: {
      input: { iframe: 'assets/iframe.html' },
      output: {
        codeSplitting: {
          groups: [
            // The ZAF SDK and the handshake (src/app/connection.ts) in a chunk of their own, which
            // the page evaluates before the rest: Zendesk answers while React, Garden and valibot load.
            { name: 'zaf-handshake', test: /[\\/](zendesk_app_framework_sdk[\\/]lib|src[\\/]app[\\/]connection\.ts|src[\\/]zendesk[\\/]native-promise\.ts)/, priority: 10 },
            // The app's own first-load modules in the entry chunk, with what they import: modules
            // the dashboard (a lazy chunk) shares with the sidebar no longer become small extra
            // files the sidebar must fetch first.
            { name: firstLoadModules('iframe'), debugName: 'first-load', priority: 5 },
          ],
        },
      },
    },
  },
});
