// The build replaces `polished` with src/ui/vendor/polished.ts (vite.config.ts): every helper Garden
// imports must answer exactly as the real package, which node_modules still has — same strings,
// same numbers, and a throw wherever polished throws.
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseToRgba } from 'color2k';
import * as shim from '../../src/ui/vendor/polished';

const require = createRequire(import.meta.url);
const polished = require('polished') as typeof shim;
type Sizes = Record<string, string>;
type SizeKey = 'space' | 'iconSizes' | 'lineHeights' | 'fontSizes' | 'borderWidths' | 'shadowWidths' | 'borderRadii' | 'breakpoints';
const { DEFAULT_THEME, PALETTE } = require('@zendeskgarden/react-theming') as {
  DEFAULT_THEME: Record<SizeKey, Sizes> & { space: { base: number }; opacity: Record<string, number> };
  PALETTE: Record<string, string | Record<string, string>>;
};
/** Every length a theme group holds ("12px"), as Garden fills them into its formulas. */
const lengthsOf = (...keys: SizeKey[]) => [...new Set(keys.flatMap((key) => Object.values(DEFAULT_THEME[key]).filter((v): v is string => typeof v === 'string')))];

type Name = keyof typeof shim;

/** What a call gives: its value, or the fact that it threw. */
function outcome(name: Name, args: unknown[]) {
  try {
    return { value: (polished[name] as (...a: unknown[]) => unknown)(...args) };
  } catch {
    return { threw: true };
  }
}

function expectSame(name: Name, ...args: unknown[]) {
  const real = outcome(name, args);
  let mine;
  try {
    mine = { value: (shim[name] as (...a: unknown[]) => unknown)(...args) };
  } catch {
    mine = { threw: true };
  }
  expect(mine, `${name}(${args.map((arg) => JSON.stringify(arg)).join(', ')})`).toEqual(real);
}

// Garden's palette: every hex it hands to polished, and the opacities it hands to rgba().
const paletteColors = Object.values(PALETTE).flatMap((hue) => (typeof hue === 'string' ? [hue] : Object.values(hue)));
const opacities = Object.values(DEFAULT_THEME.opacity);
// getColor() asks for shades between Garden's own: darken/lighten by |expected - actual| / 100 * 0.05.
const shadeAmounts = [25, 50, 100, 150, 200, 300, 500, 1100].map((gap) => (gap / 100) * 0.05);
/** A word that is no CSS colour name but that color2k's hashed name table still maps to a colour. */
const looksLikeColor2kName = (text: string) => /^[a-z]+$/i.test(text) && !namedColors.includes(text.toLowerCase()) && text.toLowerCase() !== 'transparent' && isColor2kColor(text);
const isColor2kColor = (text: string) => {
  try {
    return Boolean(parseToRgba(text));
  } catch {
    return false;
  }
};
const namedColors: string[] = [...readFileSync(require.resolve('polished/lib/internalHelpers/_nameToHex.js'), 'utf8').matchAll(/^ {2}([a-z]+): '/gm)].map((m) => m[1] ?? '');

describe('the polished stand-in exports what Garden imports', () => {
  it('has every function any Garden package imports from polished', () => {
    const gardenImports = new Set<string>();
    const garden = require.resolve('@zendeskgarden/react-theming').replace(/react-theming[\\/].*$/, '');
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith('.js')) for (const m of readFileSync(path, 'utf8').matchAll(/import \{([^}]*)\} from 'polished'/g)) (m[1] ?? '').split(',').forEach((n) => gardenImports.add(n.trim()));
      }
    };
    for (const pkg of readdirSync(garden)) if (existsSync(`${garden}${pkg}/dist/esm`)) walk(`${garden}${pkg}/dist/esm`);
    expect(gardenImports.size).toBeGreaterThan(5);
    for (const name of gardenImports) expect(typeof shim[name as Name], name).toBe('function');
  });
});

describe('colours', () => {
  it("answers as polished on Garden's palette, opacities and shade steps", () => {
    for (const color of paletteColors) {
      for (const alpha of opacities) expectSame('rgba', color, alpha);
      for (const amount of shadeAmounts) {
        expectSame('darken', amount, color);
        expectSame('lighten', amount, color);
      }
      expectSame('getContrast', '#FFF', color);
      expectSame('readableColor', color);
      expectSame('readableColor', color, '#fff', '#1f73b7', false);
      expectSame('readableColor', color, '#293239', '#f8f9f9', true);
    }
  });

  it('answers as polished on every CSS colour name and on the keywords Garden lets through', () => {
    for (const color of [...namedColors, 'RED', 'RebeccaPurple', 'transparent', 'currentcolor', 'inherit', 'notacolor']) {
      expectSame('rgba', color, 0.5);
      expectSame('darken', 0.1, color);
      expectSame('lighten', 0.2, color);
      expectSame('getContrast', color, '#000');
      expectSame('readableColor', color);
    }
  });

  it.each([
    ['#fff', 1], ['#FFF', 0], ['#1f73b7', 0.08], ['#1F73B7CC', 0.5], ['#abcd', 0.3], ['rgb(31, 115, 183)', 0.4],
    ['rgba(31,115,183,0.5)', 1], ['rgba(31 115 183 / 50%)', 0.2], ['rgb(300, 0, 0)', 1], ['hsl(210, 50%, 40%)', 0.1],
    ['hsla(210deg, 65%, 42%, 0.7)', 0.6], ['hsl(0, 999%, 50%)', 0.5], ['#ggg', 0.5], ['', 0.5], ['  #fff', 0.5], ['rgba(1,2,3)', 0.5],
  ])('%s answers as polished (alpha %d)', (color, amount) => {
    expectSame('rgba', color, amount);
    expectSame('darken', amount, color);
    expectSame('lighten', String(amount), color);
    expectSame('getContrast', color, '#fff');
    expectSame('readableColor', color, '#222', '#eee');
  });

  it("takes colour names from color2k: a word that its hash table maps to a colour is one (polished refuses it)", () => {
    // The one known difference: Garden's own isValidColor (color2k) already takes "t" for powderblue.
    expect(looksLikeColor2kName('t')).toBe(true);
    expect(shim.rgba('t', 0.5)).toBe('rgba(176,224,230,0.5)');
    expect(() => polished.rgba('t', 0.5)).toThrow();
  });

  it('rgba() from numbers and objects, and its refusals, as polished', () => {
    for (const args of [[12, 34, 56, 1], [12, 34, 56, 0.5], [255, 255, 255, 2], [17, 34, 51, 1], [{ red: 1, green: 2, blue: 3, alpha: 1 }], [{ red: 1, green: 2, blue: 3, alpha: 0.25 }], [12, 34], [], ['#fff'], ['#fff', '0.5']]) {
      expectSame('rgba', ...args);
    }
    expectSame('darken', 0.1, undefined);
    expectSame('getContrast', 42, '#fff');
  });

  const byte = fc.integer({ min: 0, max: 255 });
  const hexDigits = (length: number) => fc.array(fc.constantFrom(...'0123456789abcdefABCDEF'), { minLength: length, maxLength: length }).map((d) => `#${d.join('')}`);
  const alpha = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`), fc.constantFrom('.5', '1', '0', '50'));
  const color = fc.oneof(
    hexDigits(3), hexDigits(4), hexDigits(6), hexDigits(8),
    fc.tuple(byte, byte, byte).map(([r, g, b]) => `rgb(${r}, ${g}, ${b})`),
    fc.tuple(byte, byte, byte, alpha).map(([r, g, b, a]) => `rgba(${r},${g},${b},${a})`),
    fc.tuple(fc.integer({ min: 0, max: 720 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([h, s, l]) => `hsl(${h}, ${s}%, ${l}%)`),
    fc.tuple(fc.integer({ min: 0, max: 360 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), alpha).map(([h, s, l, a]) => `hsla(${h}deg, ${s}%, ${l}%, ${a})`),
    fc.constantFrom(...namedColors),
    fc.string({ maxLength: 12 }).filter((text) => !looksLikeColor2kName(text)),
  );
  const amount = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }).map(String));

  it('agrees with polished on generated colours, alphas and amounts', () => {
    fc.assert(
      fc.property(color, color, fc.double({ min: 0, max: 1, noNaN: true }), amount, fc.boolean(), (c1, c2, a, by, strict) => {
        expectSame('rgba', c1, a);
        expectSame('darken', by, c1);
        expectSame('lighten', by, c1);
        expectSame('getContrast', c1, c2);
        expectSame('readableColor', c1, c2, '#fff', strict);
        expectSame('readableColor', c1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('math', () => {
  const t = DEFAULT_THEME;
  const lengths = lengthsOf('space', 'iconSizes', 'lineHeights', 'fontSizes', 'borderWidths', 'shadowWidths', 'borderRadii');
  const base = t.space.base;

  it("answers as polished on Garden's formulas, with the default theme's sizes", () => {
    // The templates from Garden's dist code; a and b stand for the theme sizes and heights it fills in.
    const templates = (a: string, b: string, c: string) => [
      `(${t.iconSizes.md} * 2) + ${base * 5}px`, `(${a} - ${b}) / 2`, `${base} * 6px`, `${base} * 12px`, `(${a} - ${b}) / 2 + ${t.shadowWidths.md}`,
      `(${base * 5} - ${a}) / 2`, `(${a} - ${b} - (${0} * 2)) / 2`, `(${a} - ${b} - (${t.borderWidths.sm} * 2)) / 2`, `${a} - ${b} - ${c}`,
      `${base}px * 6`, `${base}px * 7`, `${base * 2} + ${a}`, `${base * 1.5} / (${a} - 1px)`, `${base * 2.5} - ${t.borderWidths.sm}`,
      `${base * 5} - ${a}`, `${a} - 1px`, `${a} + ${base * 5}`, `${a} * 2`, `${a} - 1`, `${a} * -2`, `${a} / 2`, `${base} + ${a}`,
      `${base} * 1px`, `${base} * 10px - ${a}`, `${base} * -1px`, `${t.shadowWidths.sm} + ${(parseFloat(a) - parseFloat(b)) / 2}`,
      `${t.shadowWidths.sm} * 2 + ${a}`, `${a} + ${b} - ${c}`, `${a} - (${t.borderWidths.sm} * 2)`, `${a} - (${b} * 2) - (${t.borderWidths.sm} * 2)`,
    ];
    let count = 0;
    for (const a of lengths) for (const b of lengths) for (const formula of templates(a, b, lengths[(a.length + b.length) % lengths.length] ?? a)) {
      expectSame('math', formula);
      count += 1;
    }
    expect(count).toBeGreaterThan(1000);
    expect(shim.math(`${base * 1.5} / (${t.fontSizes.md} - 1px)`)).toBe('0.46153846153846156px');
  });

  it.each([
    '2 * -3 * 4', '1 / -2 / 4', '-8 / 2 / 2', '-3 - 2', '- -2', '+2 * 3', '2 * +3', '0.1 * 3', '1 - 0.9', '1rem + 2rem', '2em * 3',
    '1px / 0', '0 / 0', '10 % 3', '50% * 2', '1px + 1em', '(1px', '1px)', '()', '', '2 3', '2 (3)', '.5px * 2', '1.5.3', 'auto',
    '3s * 2', '90deg / 2', '1e3', '((((1))))px', '1vh - 1vw',
  ])('%j answers as polished', (formula) => expectSame('math', formula));

  it('refuses min(), max() and ",", which Garden never writes (polished evaluates them)', () => {
    for (const formula of ['min(1px, 2px)', 'max(1, 2)', '1, 2']) {
      expect(() => polished.math(formula)).not.toThrow();
      expect(() => shim.math(formula)).toThrow(/polished error/);
    }
  });

  const unit = fc.constantFrom('', 'px', 'em', 'rem', '%');
  const number = fc.oneof(fc.nat(400).map(String), fc.tuple(fc.nat(99), fc.nat(99)).map(([i, f]) => `${i}.${f}`));
  const expression = (u: string) =>
    fc.letrec<{ expr: string }>((tie) => ({
      expr: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.tuple(number, fc.boolean()).map(([n, withUnit]) => (withUnit ? `${n}${u}` : n)),
        fc.tuple(tie('expr'), fc.constantFrom(' + ', ' - ', ' * ', ' / ', '+', '-', '*', '/'), tie('expr')).map(([l, op, r]) => `${l}${op}${r}`),
        tie('expr').map((e) => `(${e})`),
        tie('expr').map((e) => `-${e}`),
      ),
    })).expr;

  it('agrees with polished on generated formulas with units', () => {
    fc.assert(fc.property(unit.chain(expression), (formula) => expectSame('math', formula)), { numRuns: 3000 });
    fc.assert(fc.property(expression('px'), expression('em'), (a, b) => expectSame('math', `${a} + ${b}`)), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ maxLength: 16, unit: fc.constantFrom(...'0123456789.+-*/() pxem%') }), (formula) => expectSame('math', formula)), { numRuns: 3000 });
  });
});

describe('sizes', () => {
  const size = fc.oneof(
    fc.tuple(fc.oneof(fc.integer({ min: -50, max: 500 }).map(String), fc.double({ min: -50, max: 500, noNaN: true }).map(String), fc.constantFrom('.5', '+3', '-0.25')), fc.constantFrom('', 'px', 'em', 'rem', '%', 'vh', 'PX')).map(([n, u]) => `${n}${u}`),
    fc.string({ maxLength: 6 }),
    fc.integer(),
  );

  it("em, getValueAndUnit and stripUnit answer as polished on Garden's sizes", () => {
    const sizes = [DEFAULT_THEME.space.base, ...lengthsOf('space', 'iconSizes', 'lineHeights', 'fontSizes', 'borderWidths', 'breakpoints')];
    for (const a of sizes) {
      expectSame('getValueAndUnit', a);
      expectSame('getValueAndUnit', String(a));
      expectSame('stripUnit', a);
      for (const b of sizes) expectSame('em', a, b);
      expectSame('em', a);
    }
    expectSame('em', '12px', '16em');
    expectSame('em', '1.2em', '16px');
    expectSame('em', 'apx');
  });

  it('agree with polished on generated sizes', () => {
    fc.assert(
      fc.property(size, size, (a, b) => {
        expectSame('getValueAndUnit', a);
        expectSame('stripUnit', a);
        expectSame('em', a, b);
        expectSame('em', a);
      }),
      { numRuns: 2000 },
    );
  });

  it('hideVisually gives the same styles', () => {
    expect(shim.hideVisually()).toEqual(polished.hideVisually());
  });
});
