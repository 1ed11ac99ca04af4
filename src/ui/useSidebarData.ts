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
    'ticket.assignee.changed',
    'ticket.status.changed',
    'ticket.updated',
    'ticket.submit.done',
    'app.activated',
    ...fieldIds.filter((id): id is number => id !== null).map((id) => `ticket.custom_field_${id}.changed`),
  ];
}

/**
 * The sidebar's ticket snapshot: one batched `get` on mount, again after any change event.
 * A refresh keeps the last data on screen, so nothing jumps while it loads.
 */
export function useSidebarData(zendesk: Zendesk, settings: Settings): SidebarDataState {
  const [data, setData] = useState<SidebarData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);

  /** Fetches and stores; state changes only when the answer comes. */
  const load = useCallback(() => {
    const mine = ++generation.current;
    loadSidebarData(zendesk, settings)
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
  }, [zendesk, settings]);

  const reload = useCallback(() => {
    setLoading(true);
    load();
  }, [load]);

  useEffect(() => {
    load();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const debounced = (data: unknown) => {
      // Zendesk activates the app once as it loads: the snapshot being fetched is already fresh.
      if (data && typeof data === 'object' && (data as { firstLoad?: unknown }).firstLoad === true) return;
      clearTimeout(timer);
      timer = setTimeout(reload, 120);
    };
    const unsubscribe = changeEvents(settings).map((event) => zendesk.on(event, debounced));
    return () => {
      clearTimeout(timer);
      unsubscribe.forEach((off) => off());
    };
  }, [zendesk, settings, load, reload]);

  return { data, error, loading, reload };
}
