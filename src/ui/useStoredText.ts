import { useCallback, useState } from 'react';

/**
 * Text an agent is typing, kept in localStorage under `key` so a reload, a closed tab or a
 * failed save loses nothing. `clear()` once it has been used. Storage failures (private mode,
 * quota) leave it as plain component state.
 */
export function useStoredText(key: string): [string, (value: string) => void, () => void] {
  const [value, setValue] = useState(() => {
    try {
      return localStorage.getItem(key) ?? '';
    } catch {
      return '';
    }
  });
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
  return [value, update, clear];
}
