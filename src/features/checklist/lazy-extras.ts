/** The post-paint chunk, imported once per frame and shared by every hook that needs it. */
let chunk: Promise<typeof import('./extras-loaders')> | null = null;

export function extrasLoaders(): Promise<typeof import('./extras-loaders')> {
  chunk ??= import('./extras-loaders');
  return chunk;
}
