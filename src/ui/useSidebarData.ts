import { useCallback, useEffect, useRef, useState } from 'react';
import type { Settings } from '../procedure/settings';
import { loadSidebarData, type SidebarData } from '../zendesk/sidebar-snapshot';
import type { Zendesk } from '../zendesk/zaf-client';

export interface SidebarDataState {
  data: SidebarData | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Events after which the ticket may differ from the last snapshot. */
function changeEvents(settings: Settings): string[] {
  const fieldIds = [settings.data_controle_field_id, settings.tipo_solicitacao_field_id, settings.modulo_field_id, settings.data_modulo_field_id];
  return [
    'ticket.subject.changed',
    'ticket.tags.changed',
    // Zendesk documents no ticket.assignee.changed: a reassignment fires these two.
    'ticket.assignee.user.id.changed',
    'ticket.assignee.group.id.changed',
    'ticket.status.changed',
    'ticket.updated',
    'ticket.submit.done',
    'app.activated',
    ...fieldIds.filter((id): id is number => id !== null).map((id) => `ticket.custom_field_${id}.changed`),
  ];
}

/** The first snapshot and the change events, started before the sidebar is mounted. */
interface Feed {
  zendesk: Zendesk;
  settings: Settings;
  first: Promise<SidebarData>;
  /** The first answer once it came: the sidebar's first render can draw it at once. */
  settled: { data: SidebarData } | null;
  /** Forwards the change events to `handler`, replaying those that came before it; returns the unsubscribe. */
  attach: (handler: (data: unknown) => void) => () => void;
}

function startFeed(zendesk: Zendesk, settings: Settings): Feed {
  const first = loadSidebarData(zendesk, settings);
  // Handled by whoever attaches; until then a rejection is not an unhandled one.
  first.catch(() => {});
  let handler: ((data: unknown) => void) | null = null;
  const missed: unknown[] = [];
  // In the same task as the get: Zendesk cannot report a change in between.
  const offs = changeEvents(settings).map((event) =>
    zendesk.on(event, (data) => {
      if (handler) handler(data);
      else missed.push(data);
    }),
  );
  const feed: Feed = {
    zendesk,
    settings,
    first,
    settled: null,
    attach(next) {
      handler = next;
      missed.splice(0).forEach(next);
      return () => offs.forEach((off) => off());
    },
  };
  first.then((data) => (feed.settled = { data }), () => {});
  return feed;
}

let prefetched: Feed | null = null;

/**
 * Sends the batched get at `app.registered` (boot.ts), before React has drawn anything: the
 * sidebar mounted a moment later takes this answer instead of asking again.
 */
export function prefetchSidebarData(zendesk: Zendesk, settings: Settings): Promise<SidebarData> {
  prefetched = startFeed(zendesk, settings);
  return prefetched.first;
}

/** The prefetched feed if it was started for this zendesk and settings. */
function peekFeed(zendesk: Zendesk, settings: Settings): Feed | null {
  return prefetched && prefetched.zendesk === zendesk && prefetched.settings === settings ? prefetched : null;
}

/** The same, used once: a later mount asks Zendesk again. */
function takeFeed(zendesk: Zendesk, settings: Settings): Feed | null {
  const feed = peekFeed(zendesk, settings);
  if (feed) prefetched = null;
  return feed;
}

/**
 * The sidebar's ticket snapshot: one batched `get` on mount (or the one boot already sent),
 * again after any change event. A refresh keeps the last data on screen, so nothing jumps while it loads.
 */
export function useSidebarData(zendesk: Zendesk, settings: Settings): SidebarDataState {
  // An answer that came before the first render is drawn by it: no skeleton frame, no second pass.
  const [data, setData] = useState<SidebarData | null>(() => peekFeed(zendesk, settings)?.settled?.data ?? null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(() => data === null);
  const generation = useRef(0);

  /** Stores the answer of `request` (a new get by default); state changes only when it comes. */
  const load = useCallback(
    (request?: Promise<SidebarData>) => {
      const mine = ++generation.current;
      (request ?? loadSidebarData(zendesk, settings))
        .then((next) => {
          if (mine !== generation.current) return; // a newer load superseded this one
          setData(next);
          setError(null);
        })
        .catch((failure: unknown) => {
          if (mine === generation.current) setError(failure);
        })
        .finally(() => {
          if (mine === generation.current) setLoading(false);
        });
    },
    [zendesk, settings],
  );

  const reload = useCallback(() => {
    setLoading(true);
    load();
  }, [load]);

  useEffect(() => {
    const feed = takeFeed(zendesk, settings) ?? startFeed(zendesk, settings);
    load(feed.first);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const debounced = (data: unknown) => {
      // Zendesk activates the app once as it loads: the snapshot being fetched is already fresh.
      if (data && typeof data === 'object' && (data as { firstLoad?: unknown }).firstLoad === true) return;
      clearTimeout(timer);
      timer = setTimeout(reload, 120);
    };
    const detach = feed.attach(debounced);
    return () => {
      clearTimeout(timer);
      detach();
    };
  }, [zendesk, settings, load, reload]);

  return { data, error, loading, reload };
}
