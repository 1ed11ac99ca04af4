/**
 * Stands in for `lodash.memoize` in the bundle (vite.config.ts aliases it): Garden memoizes its
 * colour computations with it, and the package carried a private copy of lodash's MapCache —
 * 0.5 KB gzip of the first load for a Map. Same contract: the key is `resolver(...args)` or the
 * first argument, and `memoized.cache` is a Map-like cache.
 */
type Memoized<F extends (...args: never[]) => unknown> = F & { cache: Map<unknown, ReturnType<F>> };

export default function memoize<F extends (...args: never[]) => unknown>(func: F, resolver?: (...args: Parameters<F>) => unknown): Memoized<F> {
  if (typeof func !== 'function' || (resolver !== undefined && typeof resolver !== 'function')) throw new TypeError('Expected a function');
  const memoized = function (this: unknown, ...args: Parameters<F>) {
    const key = resolver ? resolver.apply(this, args) : args[0];
    const cache = memoized.cache;
    if (cache.has(key)) return cache.get(key);
    const result = func.apply(this, args) as ReturnType<F>;
    cache.set(key, result);
    return result;
  } as Memoized<F>;
  memoized.cache = new Map();
  return memoized;
}
