/**
 * Stands in for `lodash.get` 4.4 in the bundle (vite.config.ts aliases it): Garden's theming reads
 * colour variables with it ("background.default"), and the package carried a private copy of
 * lodash's caches — 1 KB gzip of the first load. Same algorithm and regular expressions as
 * lodash.get (isKey, stringToPath, baseGet); the path cache is left out.
 */
const reIsDeepProp = /\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/;
const reIsPlainProp = /^\w*$/;
const reLeadingDot = /^\./;
const rePropName = /[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g;
const reEscapeChar = /\\(\\)?/g;

type Path = PropertyKey | null | undefined | readonly unknown[];

function isKey(value: Path, object: unknown): boolean {
  if (Array.isArray(value)) return false;
  if (typeof value === 'number' || typeof value === 'symbol' || typeof value === 'boolean' || value === null || value === undefined) return true;
  const text = value as string;
  return reIsPlainProp.test(text) || !reIsDeepProp.test(text) || (object !== null && object !== undefined && text in Object(object));
}

function stringToPath(text: string): string[] {
  const result: string[] = [];
  if (reLeadingDot.test(text)) result.push('');
  text.replace(rePropName, (match: string, number?: string, quote?: string, quoted?: string) => {
    result.push(quote ? (quoted ?? '').replace(reEscapeChar, '$1') : number || match);
    return match;
  });
  return result;
}

function toKey(value: unknown): PropertyKey {
  if (typeof value === 'string' || typeof value === 'symbol') return value;
  const text = `${value as string}`;
  return text === '0' && 1 / (value as number) === -Infinity ? '-0' : text;
}

export default function get(object: unknown, path: Path, defaultValue?: unknown): unknown {
  if (object === null || object === undefined) return defaultValue;
  const keys: readonly unknown[] = isKey(path, object) ? [path] : Array.isArray(path) ? path : stringToPath(String(path));
  let node: unknown = object;
  let index = 0;
  while (node !== null && node !== undefined && index < keys.length) node = (node as Record<PropertyKey, unknown>)[toKey(keys[index++])];
  const result = index && index === keys.length ? node : undefined;
  return result === undefined ? defaultValue : result;
}
