import { useCallback, useState } from 'react';
import { DEFAULT_QUERY, readQuery, type DashboardQuery } from '../../procedure/dashboard/table';

/**
 * The lead's filters and sort, kept in local storage per account and user, so a reload (or coming
 * back tomorrow) shows the same list. Storage may be blocked in a third-party frame: then the
 * query lives for the session only.
 */
export function useStoredQuery(storageKey: string): [DashboardQuery, (change: Partial<DashboardQuery>) => void, () => void] {
  const [query, setQuery] = useState<DashboardQuery>(() => {
    try {
      const text = window.localStorage.getItem(storageKey);
      return text ? readQuery(JSON.parse(text)) : DEFAULT_QUERY;
    } catch {
      return DEFAULT_QUERY;
    }
  });
  const save = useCallback(
    (next: DashboardQuery) => {
      try {
        window.localStorage.setItem(storageKey, JSON.stringify(next));
      } catch {
        // Blocked storage: the query still applies until the frame closes.
      }
    },
    [storageKey],
  );
  const update = useCallback(
    (change: Partial<DashboardQuery>) =>
      setQuery((current) => {
        const next = { ...current, ...change };
        save(next);
        return next;
      }),
    [save],
  );
  const reset = useCallback(() => {
    setQuery((current) => {
      const next = { ...DEFAULT_QUERY, scope: current.scope, sort: current.sort, descending: current.descending };
      save(next);
      return next;
    });
  }, [save]);
  return [query, update, reset];
}
