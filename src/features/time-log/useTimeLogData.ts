import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Apontamento } from '../../procedure/apontamento-types';
import { nextClosing, type Closing } from '../../procedure/billing';
import type { Settings } from '../../procedure/settings';
import { listApontamentos, saveApontamento, storedApontamentoSchema } from '../../zendesk/apontamentos';
import { mirrorApontamento } from '../../zendesk/external-apontamento';
import { ZendeskError } from '../../zendesk/errors';
import { createOutbox, type Outbox, type PendingItem } from '../../zendesk/outbox';
import { loadBusinessCalendar } from '../../zendesk/schedule';
import { loadUserNames, type UserName } from '../../zendesk/users';
import type { Zendesk } from '../../zendesk/zaf-client';

export interface TimeLogData {
  /** Stored records of the ticket (with the ones this tab just saved), null while loading. */
  records: Apontamento[] | null;
  loadError: unknown;
  reload: () => void;
  /** The outbox's items of this ticket: not yet accepted by Zendesk. */
  pending: PendingItem<Apontamento>[];
  outbox: Outbox<Apontamento>;
  /** Records already in Zendesk whose copy to the Apontamento app (apontamento_url) is not delivered yet. */
  mirrorPending: PendingItem<Apontamento>[];
  mirrorOutbox: Outbox<Apontamento>;
  names: Map<number, UserName>;
  /** The team schedule's zone (for the comment's date) and next closing, once loaded. */
  timeZone: string;
  closing: Closing | null;
  /** A record deleted here: gone from the list before the search index forgets it. */
  forget: (key: string) => void;
}

const scheduleTimeout = (fn: () => void, ms: number) => {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
};

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Nothing survives a reload, but the outbox still retries while the page lives. */
const memoryStorage = () => {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
};

/**
 * The ticket's Apontamentos: the stored ones (listApontamentos), the outbox that sends new and
 * edited ones (saveApontamento, retried with back-off, kept across reloads), the analysts' names
 * and the team calendar's next closing.
 */
/** Keeps `setItems` in step with the outbox and sends what an earlier page load (or another tab) left. */
function useOutboxItems<T>(outbox: Outbox<T>, setItems: (items: PendingItem<T>[]) => void) {
  useEffect(() => {
    const off = outbox.subscribe(setItems);
    void outbox.flush();
    return () => {
      off();
      outbox.dispose();
    };
  }, [outbox, setItems]);
}

export function useTimeLogData(zendesk: Zendesk, settings: Settings, ticketId: number, outboxStorageKey: string): TimeLogData {
  const [listed, setListed] = useState<Apontamento[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [justSaved, setJustSaved] = useState<Map<string, Apontamento>>(new Map());
  const [forgotten, setForgotten] = useState<Set<string>>(new Set());
  const mirrorUrl = settings.apontamento_url;
  // The copy to the existing Apontamento app has its own outbox: its failure must not make a record
  // Zendesk already holds look unsent, and its retry must not write Zendesk's record again.
  const mirrorOutbox = useMemo(
    () =>
      createOutbox<Apontamento>({
        storage: localStorageOrNull() ?? memoryStorage(),
        key: `${outboxStorageKey}:mirror`,
        itemSchema: storedApontamentoSchema,
        send: (item) =>
          mirrorUrl
            ? mirrorApontamento(zendesk.transport, mirrorUrl, item)
            : Promise.reject(new ZendeskError('invalid', 'apontamento_url is empty: the copy has nowhere to go', { detail: 'apontamento_url' })),
        now: Date.now,
        schedule: scheduleTimeout,
      }),
    [zendesk, outboxStorageKey, mirrorUrl],
  );
  const outbox = useMemo(
    () =>
      createOutbox<Apontamento>({
        storage: localStorageOrNull() ?? memoryStorage(),
        key: outboxStorageKey,
        itemSchema: storedApontamentoSchema,
        send: async (item) => {
          const saved = await saveApontamento(zendesk, item);
          // Teams that keep the existing Apontamento app get a copy too, from the record Zendesk answered.
          if (mirrorUrl) mirrorOutbox.enqueue(saved).catch(() => undefined);
          // Zendesk's search may not list it for a while: show what Zendesk answered meanwhile.
          setJustSaved((m) => new Map(m).set(saved.key, saved));
          // Zendesk is answering again: a list that failed to load (or is stale) is read anew.
          setAttempt((n) => n + 1);
        },
        now: Date.now,
        schedule: scheduleTimeout,
      }),
    [zendesk, outboxStorageKey, mirrorUrl, mirrorOutbox],
  );
  const [allPending, setAllPending] = useState<PendingItem<Apontamento>[]>(() => outbox.pending());
  const [allMirrorPending, setAllMirrorPending] = useState<PendingItem<Apontamento>[]>(() => mirrorOutbox.pending());
  const [names, setNames] = useState<Map<number, UserName>>(new Map());
  const nameCache = useRef(new Map<number, UserName>());
  const [calendar, setCalendar] = useState<{ timeZone: string; closing: Closing | null }>({ timeZone: browserZone(), closing: null });

  useEffect(() => {
    let cancelled = false;
    listApontamentos(zendesk, ticketId)
      .then((found) => {
        if (cancelled) return;
        setListed(found);
        setLoadError(null);
      })
      .catch((error: unknown) => !cancelled && setLoadError(error));
    return () => {
      cancelled = true;
    };
  }, [zendesk, ticketId, attempt]);

  useOutboxItems(outbox, setAllPending);
  useOutboxItems(mirrorOutbox, setAllMirrorPending);

  const scheduleId = settings.schedule_id;
  const midday = settings.periodo_midday;
  useEffect(() => {
    if (!scheduleId) return;
    let cancelled = false;
    loadBusinessCalendar(zendesk, scheduleId, midday)
      .then((built) => {
        if (cancelled || !built.ok) return;
        let closing: Closing | null = null;
        try {
          closing = nextClosing(built.calendar, Date.now());
        } catch {
          // A schedule without business days: no closing date to show; the checklist explains it.
        }
        setCalendar({ timeZone: built.calendar.timeZone, closing });
      })
      .catch(() => {
        // The browser's zone stands in for the comment; the closing date is simply not shown.
      });
    return () => {
      cancelled = true;
    };
  }, [zendesk, scheduleId, midday]);

  const pending = useMemo(() => allPending.filter((p) => p.item.ticketId === ticketId), [allPending, ticketId]);
  const mirrorPending = useMemo(() => allMirrorPending.filter((p) => p.item.ticketId === ticketId), [allMirrorPending, ticketId]);

  const records = useMemo(() => {
    // Until the list loads, what this tab saved is still shown (a failed load shows its error too).
    if (listed === null && loadError === null && justSaved.size === 0) return null;
    const byKey = new Map((listed ?? []).map((r) => [r.key, r]));
    for (const saved of justSaved.values()) {
      const known = byKey.get(saved.key);
      if (saved.ticketId === ticketId && (!known || known.updatedAt <= saved.updatedAt)) byKey.set(saved.key, saved);
    }
    const waiting = new Set(pending.map((p) => p.key));
    return [...byKey.values()].filter((r) => !forgotten.has(r.key) && !waiting.has(r.key)).sort((a, b) => a.start - b.start || a.key.localeCompare(b.key));
  }, [listed, loadError, justSaved, forgotten, pending, ticketId]);

  const analystIds = useMemo(() => [...new Set([...(records ?? []), ...pending.map((p) => p.item)].map((r) => r.analystId))].sort().join(','), [records, pending]);
  useEffect(() => {
    if (analystIds === '') return;
    let cancelled = false;
    loadUserNames(zendesk, analystIds.split(',').map(Number), nameCache.current)
      .then((found) => !cancelled && setNames(found))
      .catch(() => {
        // Names are a nicety: the list shows "Usuário 123" instead.
      });
    return () => {
      cancelled = true;
    };
  }, [zendesk, analystIds]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const forget = useCallback((key: string) => {
    setForgotten((s) => new Set(s).add(key));
    setJustSaved((m) => {
      const next = new Map(m);
      next.delete(key);
      return next;
    });
  }, []);

  return { records, loadError, reload, pending, outbox, mirrorPending, mirrorOutbox, names, timeZone: calendar.timeZone, closing: calendar.closing, forget };
}
