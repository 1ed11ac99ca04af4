import { useCallback, useEffect, useState } from 'react';
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
  const [value, setValue] = useState<string | null>(null);
  useEffect(() => {
    if (afterPaint && value === null) setValue(read(key));
  }, [afterPaint, key, value]);
  const update = useCallback(
    (next: string) => {
      setValue(next);
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
  return [value ?? '', update, clear];
}
