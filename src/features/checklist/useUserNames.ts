import { useEffect, useMemo, useRef, useState } from 'react';
import { useAfterPaint } from '../../ui/useAfterPaint';
import type { UserName } from '../../zendesk/users';
import type { Zendesk } from '../../zendesk/zaf-client';
import { extrasLoaders } from './lazy-extras';

/**
 * Names for the user ids the checklist shows (who did a step, the lead), fetched in one
 * show_many call per new batch of ids and kept for the life of the frame. A failure leaves
 * ids unnamed ("Usuário 123"): it never blocks the checklist.
 */
export function useUserNames(zendesk: Zendesk, ids: readonly number[]): (id: number) => string | null {
  const cache = useRef(new Map<number, UserName>());
  const [version, setVersion] = useState(0);
  const key = [...new Set(ids)].sort((a, b) => a - b).join(',');
  // Names are looked up once the checklist is on screen (ids show until then).
  const afterPaint = useAfterPaint();

  useEffect(() => {
    if (!afterPaint) return;
    const wanted = key ? key.split(',').map(Number) : [];
    if (wanted.every((id) => cache.current.has(id))) return;
    let cancelled = false;
    extrasLoaders()
      .then(({ loadUserNames }) => loadUserNames(zendesk, wanted, cache.current))
      .then(() => !cancelled && setVersion((v) => v + 1))
      .catch(() => {
        // Unnamed ids stay as numbers; the checklist itself is unaffected.
      });
    return () => void (cancelled = true);
  }, [zendesk, key, afterPaint]);

  return useMemo(() => {
    void version;
    return (id: number) => cache.current.get(id)?.name ?? null;
  }, [version]);
}
