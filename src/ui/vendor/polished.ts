/**
 * Stands in for `polished` 4.3 in the bundle (vite.config.ts aliases it): Zendesk Garden imports ten
 * of its helpers, and the package brought ≈23 KB of the first load. Same parsing rules, arithmetic and
 * output formats as polished's source, so Garden's colours and sizes come out byte for byte the same
 * (test/component/polished-shim.test.ts compares both). Left out, as Garden never uses them:
 * currying (`darken(amount)(color)`) and math()'s `min()`, `max()` and `,`, which throw here.
 * Colour names come from color2k's table (already in the bundle) instead of polished's own.
 */
import { parseToRgba } from 'color2k';

type Rgb = { red: number; green: number; blue: number; alpha?: number };
type Triple = [number, number, number];
type Hsl = { hue: number; saturation: number; lightness: number; alpha?: number };

/** polished numbers its errors (its src/internalHelpers/errors.md explains each); so does this. */
function fail(code: number): never {
  throw new Error(`polished error #${code}`);
}

// ---- numbers with units ----

const cssValue = /^([+-]?(?:\d+|\d*\.\d+))([a-z]*|%)$/;

export function stripUnit<T>(value: T): T | number {
  return typeof value === 'string' && cssValue.test(value) ? parseFloat(value) : value;
}

export function getValueAndUnit<T>(value: T): [T | number, string | undefined] {
  if (typeof value !== 'string') return [value, ''];
  const match = value.match(cssValue);
  return match ? [parseFloat(value), match[2]] : [value, undefined];
}

/** Pixels to ems, against a base font size (16px unless given). */
export function em(pxval: string | number, base: string | number = '16px'): string {
  const toNumber = (value: string | number, code: number) => {
    if (typeof value !== 'string') return value;
    if (!value.endsWith('px')) fail(code);
    const number = stripUnit(value);
    return typeof number === 'string' ? fail(code + 2) : number;
  };
  return `${toNumber(pxval, 69) / toNumber(base, 70)}em`;
}

// ---- math ----

// polished's own unit pattern, which it matches on the REVERSED formula ("xp" is px, "me[r]?" em/rem).
const reversedUnits = /((?!\w)a|na|hc|mc|dg|me[r]?|xe|ni(?![a-zA-Z])|mm|cp|tp|xp|q(?!s)|hv|xamv|nimv|wv|sm|s(?!\D|$)|ged|darg?|nrut)/g;
const reverse = (text: string) => text.split('').reverse().join('');

/**
 * Evaluates a CSS length formula ("(40px - 20px) / 2" → "10px"). Precedence as in polished: * and /
 * bind tighter than a leading minus, which binds tighter than + and -; "2 * -3 * 4" is 2 * -(3 * 4).
 */
export function math(formula: string): string {
  const reversed = reverse(formula);
  const units = reversed.match(reversedUnits);
  if (units && !units.every((unit) => unit === units[0])) fail(41);
  const tokens = reverse(reversed.replace(reversedUnits, '')).match(/\d+(?:\.\d+)?|\S/g) ?? [];
  let at = 0;
  const next = (...wanted: string[]) => (wanted.includes(tokens[at] ?? '') ? tokens[at++] : undefined);
  const operand = (): number => {
    const token = tokens[at++];
    if (token === '(') {
      const value = sum();
      return next(')') ? value : fail(39);
    }
    return token && /^\d/.test(token) ? Number(token) : fail(37);
  };
  const product = (): number => {
    let value = operand();
    for (let op; (op = next('*', '/')); ) {
      const right = tokens[at] === '-' || tokens[at] === '+' ? signed() : operand();
      value = op === '*' ? value * right : value / right;
    }
    return value;
  };
  const signed = (): number => (next('-') ? -signed() : next('+') ? signed() : product());
  const sum = (): number => {
    let value = signed();
    for (let op; (op = next('+', '-')); ) value = op === '+' ? value + signed() : value - signed();
    return value;
  };
  const value = sum();
  if (at < tokens.length) fail(40);
  return `${value}${units ? reverse(units[0]) : ''}`;
}

// ---- colours ----

const hexColor = /^#([\da-f]{3,4}|[\da-f]{6}|[\da-f]{8})$/i;
const rgbColor = /^rgb\(\s*(\d{1,3})\s*(?:,)?\s*(\d{1,3})\s*(?:,)?\s*(\d{1,3})\s*\)$/i;
const rgbaColor = /^rgb(?:a)?\(\s*(\d{1,3})\s*(?:,)?\s*(\d{1,3})\s*(?:,)?\s*(\d{1,3})\s*(?:,|\/)\s*([-+]?\d*[.]?\d+[%]?)\s*\)$/i;
const hslColor = /^hsl\(\s*(\d{0,3}[.]?[0-9]+(?:deg)?)\s*(?:,)?\s*(\d{1,3}[.]?[0-9]?)%\s*(?:,)?\s*(\d{1,3}[.]?[0-9]?)%\s*\)$/i;
const hslaColor = /^hsl(?:a)?\(\s*(\d{0,3}[.]?[0-9]+(?:deg)?)\s*(?:,)?\s*(\d{1,3}[.]?[0-9]?)%\s*(?:,)?\s*(\d{1,3}[.]?[0-9]?)%\s*(?:,|\/)\s*([-+]?\d*[.]?\d+[%]?)\s*\)$/i;

/** An alpha written as 50 or 50% means 0.5. */
const toAlpha = (text: string) => (parseFloat(text) > 1 ? parseFloat(text) / 100 : parseFloat(text));

/** polished's hslToRgb, channels in 0..1 (before rounding). */
function hslToChannels(hue: number, saturation: number, lightness: number): Triple {
  if (saturation === 0) return [lightness, lightness, lightness];
  const huePrime = (((hue % 360) + 360) % 360) / 60;
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const second = chroma * (1 - Math.abs((huePrime % 2) - 1));
  const sector = Math.floor(huePrime);
  const sectors: Triple[] = [[chroma, second, 0], [second, chroma, 0], [0, chroma, second], [0, second, chroma], [second, 0, chroma], [chroma, 0, second]];
  const [red, green, blue] = sectors[sector] ?? [0, 0, 0];
  const lift = lightness - chroma / 2;
  return [red + lift, green + lift, blue + lift];
}

const toInts = (hsl: Hsl): Triple => {
  const [red, green, blue] = hslToChannels(hsl.hue, hsl.saturation, hsl.lightness);
  return [Math.round(red * 255), Math.round(green * 255), Math.round(blue * 255)];
};

const int = (text = '') => parseInt(text, 10);

function parseToRgb(color: string): Rgb {
  if (typeof color !== 'string') fail(3);
  let text = color;
  if (/^[a-z]+$/i.test(color) && color.toLowerCase() !== 'transparent') {
    try {
      text = `#${parseToRgba(color).slice(0, 3).map(toHex).join('')}`;
    } catch {
      // not a colour name: falls through to polished's "cannot parse"
    }
  }
  const hex = hexColor.exec(text)?.[1];
  if (hex) {
    const full = hex.length > 4 ? hex : hex.replace(/./g, '$&$&');
    const pair = (index: number) => parseInt(full.slice(index * 2, index * 2 + 2), 16);
    const [red, green, blue] = [pair(0), pair(1), pair(2)];
    return full.length === 6 ? { red, green, blue } : { red, green, blue, alpha: parseFloat((pair(3) / 255).toFixed(2)) };
  }
  const rgb = rgbColor.exec(text) ?? rgbaColor.exec(text.substring(0, 50));
  if (rgb) {
    const [red, green, blue] = [int(rgb[1]), int(rgb[2]), int(rgb[3])];
    return rgb[4] === undefined ? { red, green, blue } : { red, green, blue, alpha: toAlpha(rgb[4]) };
  }
  const hsl = hslColor.exec(text) ?? hslaColor.exec(text.substring(0, 50));
  if (hsl) {
    const [red, green, blue] = toInts({ hue: int(hsl[1]), saturation: int(hsl[2]) / 100, lightness: int(hsl[3]) / 100 });
    // polished goes through an "rgb(…)" string that only takes 0..999 per channel
    if (![red, green, blue].every((channel) => channel >= 0 && channel < 1000)) fail(4);
    return hsl[4] === undefined ? { red, green, blue } : { red, green, blue, alpha: toAlpha(hsl[4]) };
  }
  return fail(5);
}

function rgbToHsl({ red, green, blue, alpha }: Rgb): Hsl {
  const [r, g, b] = [red / 255, green / 255, blue / 255];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const delta = max - min;
  let hue = 0;
  let saturation = 0;
  if (max !== min) {
    saturation = lightness > 0.5 ? delta / (2 - max - min) : delta / (max + min);
    hue = 60 * (max === r ? (g - b) / delta + (g < b ? 6 : 0) : max === g ? (b - r) / delta + 2 : (r - g) / delta + 4);
  }
  return alpha === undefined ? { hue, saturation, lightness } : { hue, saturation, lightness, alpha };
}

const toHex = (channel: number) => channel.toString(16).padStart(2, '0');

/** "#rrggbb", shortened to "#rgb" when each pair repeats, as polished writes it. */
const hexString = (channels: number[]) => `#${channels.map(toHex).join('')}`.replace(/^#(.)\1(.)\2(.)\3$/, '#$1$2$3');

/** polished's toColorString for an HSL colour: hex when opaque, "rgba(r,g,b,a)" otherwise. */
const hslString = (hsl: Hsl) => (typeof hsl.alpha === 'number' && !(hsl.alpha >= 1) ? `rgba(${toInts(hsl)},${hsl.alpha})` : hexString(toInts(hsl)));

const changeLightness = (color: string, by: number) => {
  if (color === 'transparent') return color;
  const hsl = rgbToHsl(parseToRgb(color));
  return hslString({ ...hsl, lightness: Math.max(0, Math.min(1, hsl.lightness + by)) });
};

export const darken = (amount: number | string, color: string): string => changeLightness(color, -parseFloat(String(amount)));
export const lighten = (amount: number | string, color: string): string => changeLightness(color, parseFloat(String(amount)));

/** rgba("#fff", 0.5), rgba(255, 255, 255, 0.5) or rgba({ red, green, blue, alpha }). */
export function rgba(first: string | number | Rgb, second?: number, third?: number, fourth?: number): string {
  if (typeof first === 'string' && typeof second === 'number') {
    const { red, green, blue } = parseToRgb(first);
    return `rgba(${red},${green},${blue},${second})`;
  }
  const color = typeof first === 'number' && typeof second === 'number' && typeof third === 'number' && typeof fourth === 'number'
    ? { red: first, green: second, blue: third, alpha: fourth }
    : typeof first === 'object' && second === undefined && third === undefined && fourth === undefined ? first : fail(7);
  return (color.alpha as number) >= 1 ? hexString([color.red, color.green, color.blue]) : `rgba(${color.red},${color.green},${color.blue},${color.alpha})`;
}

/** WCAG relative luminance, rounded to 3 decimals as polished does. */
function getLuminance(color: string): number {
  if (color === 'transparent') return 0;
  const { red, green, blue } = parseToRgb(color);
  const linear = (value: number) => {
    const channel = value / 255;
    return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
  };
  return parseFloat((0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)).toFixed(3));
}

export function getContrast(color1: string, color2: string): number {
  const [l1, l2] = [getLuminance(color1), getLuminance(color2)];
  return parseFloat((l1 > l2 ? (l1 + 0.05) / (l2 + 0.05) : (l2 + 0.05) / (l1 + 0.05)).toFixed(2));
}

export function readableColor(color: string, returnIfLightColor = '#000', returnIfDarkColor = '#fff', strict = true): string {
  const isLight = getLuminance(color) > 0.179;
  const preferred = isLight ? returnIfLightColor : returnIfDarkColor;
  return !strict || getContrast(color, preferred) >= 4.5 ? preferred : isLight ? '#000' : '#fff';
}

export function hideVisually() {
  return { border: '0', clip: 'rect(0 0 0 0)', height: '1px', margin: '-1px', overflow: 'hidden', padding: '0', position: 'absolute', whiteSpace: 'nowrap', width: '1px' } as const;
}
