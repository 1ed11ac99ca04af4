import { useCallback, useMemo, useState } from 'react';
import { useAfterPaint } from './useAfterPaint';

function read(key: string): string {
  try {
    return localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

/**
 * Text an agent is typing, kept in localStorage under `key` so a reload, a closed tab or a
 * failed save loses nothing. `clear()` once it has been used. Storage failures (private mode,
 * quota) leave it as plain component state. The stored text is read once the checklist has been
 * painted: a frame's first access to localStorage is a synchronous trip to the browser process,
 * and the fields that show the text load after that paint anyway.
 */
export function useStoredText(key: string): [string, (value: string) => void, () => void] {
  const afterPaint = useAfterPaint();
  const stored = useMemo(() => (afterPaint ? read(key) : ''), [afterPaint, key]);
  // What the agent typed (or cleared) since: it wins over what was stored.
  const [typed, setTyped] = useState<string | null>(null);
  const update = useCallback(
    (next: string) => {
      setTyped(next);
      try {
        if (next === '') localStorage.removeItem(key);
        else localStorage.setItem(key, next);
      } catch {
        // Not persisted; the text stays on screen.
      }
    },
    [key],
  );
  const clear = useCallback(() => update(''), [update]);
  return [typed ?? stored, update, clear];
}
