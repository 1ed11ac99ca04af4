import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

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
 * Chrome's explicit compile hint (V8 ≥ 13.6): the first load's functions are compiled on a
 * background thread while the files stream in, instead of one by one on the main thread the first
 * time each runs — most of them run before the checklist is drawn. Other browsers ignore the
 * comment. Lazy chunks keep V8's default (compile on first call).
 */
function compileHintsOnFirstLoad(): Plugin {
  const HINT = '//# allFunctionsCalledOnLoad\n';
  return {
    name: 'compile-hints-on-first-load',
    apply: 'build',
    generateBundle: {
      // After Vite's own rewrites (its preload map is prepended too): the hint must be the first line.
      order: 'post',
      handler(_options, bundle) {
        const firstLoad = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (firstLoad.has(fileName) || chunk?.type !== 'chunk') return;
          firstLoad.add(fileName);
          chunk.imports.forEach(visit);
        };
        for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk' && chunk.isEntry) visit(chunk.fileName);
        for (const fileName of firstLoad) {
          const chunk = bundle[fileName];
          if (chunk?.type !== 'chunk') continue;
          chunk.code = HINT + chunk.code;
          // A source map, when enabled, moves down by the added line.
          const map = bundle[`${fileName}.map`];
          if (map?.type === 'asset' && typeof map.source === 'string') {
            const json = JSON.parse(map.source) as { mappings: string };
            map.source = JSON.stringify({ ...json, mappings: `;${json.mappings}` });
          }
        }
      },
    },
  };
}

// The iframe page lives at assets/iframe.html, as in every Zendesk app package; `base: './'`
// keeps every URL relative because Zendesk serves the files from its CDN, not from `/`.
export default defineConfig({
  base: './',
  publicDir: false,
  plugins: [react(), polishedPureCalls(), compileHintsOnFirstLoad()],
  resolve: {
    alias: [
      { find: /^\.\/vendor\/native-promise-only$/, replacement: fileURLToPath(new URL('./src/zendesk/native-promise.ts', import.meta.url)) },
      // Garden's two lodash one-liners, without the private lodash each package carries (2 KB gzip).
      { find: /^lodash\.get$/, replacement: fileURLToPath(new URL('./src/ui/vendor/lodash-get.ts', import.meta.url)) },
      { find: /^lodash\.memoize$/, replacement: fileURLToPath(new URL('./src/ui/vendor/lodash-memoize.ts', import.meta.url)) },
    ],
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
