// The build replaces lodash.get and lodash.memoize with src/ui/vendor (vite.config.ts): same
// answers as the real packages, which node_modules still has, on the inputs Garden gives them.
import fc from 'fast-check';
import { createRequire } from 'node:module';
import get from '../../src/ui/vendor/lodash-get';
import memoize from '../../src/ui/vendor/lodash-memoize';

// The real packages (CommonJS, no type declarations), as Garden gets them without the aliases.
const require = createRequire(import.meta.url);
const lodashGet = require('lodash.get') as typeof get;
const lodashMemoize = require('lodash.memoize') as typeof memoize;

const theme = {
  colors: { base: 'light', variables: { light: { background: { default: 'grey.100', 'with.dot': 'x' } }, dark: {} } },
  palette: { blue: { 600: '#1f73b7' }, list: [{ a: 1 }, { a: 2 }] },
  'a.b': 'own dotted key',
  zero: 0,
};

describe('lodash.get stand-in', () => {
  it.each([
    ['light.background.default'],
    ['colors.variables.light.background.default'],
    ['palette.blue.600'],
    ['palette.blue[600]'],
    ['palette.list[1].a'],
    ['palette["blue"]["600"]'],
    ["colors.variables.light.background['with.dot']"],
    ['a.b'],
    ['zero'],
    ['missing.path'],
    ['.colors.base'],
    ['colors..base'],
    [''],
    [['palette', 'blue', 600]],
    [[]],
    [0],
  ])('%j answers as lodash.get', (path) => {
    expect(get(theme, path as never, 'fallback')).toEqual(lodashGet(theme, path as never, 'fallback'));
    expect(get(theme.colors.variables, path as never)).toEqual(lodashGet(theme.colors.variables, path as never));
  });

  it('agrees with lodash.get on generated objects and paths', () => {
    const key = fc.constantFrom('a', 'b', '0', '1', 'x.y', '');
    const tree = fc.letrec((tie) => ({ node: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.constant(undefined), fc.dictionary(key, tie('node')), fc.array(tie('node'), { maxLength: 3 })) })).node;
    const path = fc.oneof(fc.array(key, { maxLength: 4 }).map((keys) => keys.join('.')), fc.array(key, { maxLength: 4 }), fc.array(fc.oneof(key, fc.nat(3).map((n) => `[${n}]`)), { maxLength: 4 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(tree, path, (object, p) => {
        expect(get(object, p, 'dflt')).toEqual(lodashGet(object, p, 'dflt'));
      }),
    );
  });

  it('a null or undefined object gives the default', () => {
    expect(get(null, 'a', 1)).toBe(1);
    expect(get(undefined, 'a')).toBeUndefined();
  });
});

describe('lodash.memoize stand-in', () => {
  it('caches by the first argument, or by the resolver’s key, like lodash.memoize', () => {
    for (const make of [memoize, lodashMemoize] as const) {
      let calls = 0;
      const square = make((n: number) => (calls += 1, n * n));
      expect([square(3), square(3), square(4)]).toEqual([9, 9, 16]);
      expect(calls).toBe(2);
      const byKey = make((o: { hue: string; shade: number }) => (calls += 1, `${o.hue}${o.shade}`), (o: { hue: string; shade: number }) => `${o.hue}/${o.shade}`);
      expect([byKey({ hue: 'blue', shade: 6 }), byKey({ hue: 'blue', shade: 6 })]).toEqual(['blue6', 'blue6']);
      expect(calls).toBe(3);
      expect(square.cache.get(3)).toBe(9);
    }
  });

  it('refuses a non-function, as lodash does', () => {
    expect(() => memoize(42 as never)).toThrow(TypeError);
    expect(() => lodashMemoize(42 as never)).toThrow(TypeError);
  });
});
