import type { Apontamento } from '../../procedure/apontamento-types';
import { nextClosing, type Closing } from '../../procedure/billing';
import type { ListedTicket, RequesterInfo } from '../../procedure/dashboard/rows';
import type { BusinessCalendar } from '../../procedure/periods';
import { consultingTipoValues, hasConsultingTipo } from '../../procedure/profile';
import type { Settings } from '../../procedure/settings';
import { changedApontamentosPage, countApontamentos, firstApontamentosPage, loadApontamentosPage, type RecordsPageRequest } from '../../zendesk/all-apontamentos';
import { firstConsultingPage, loadConsultingPage, loadTicketsByIds, type ConsultingQuery } from '../../zendesk/consulting-search';
import { loadUserProfiles } from '../../zendesk/users';
import type { RestClient } from '../../zendesk/pages';
import type { HoldingPacer } from '../../zendesk/request-pacer';

/** A stage of the loading that failed, with what is missing; Refresh goes on from it. */
export interface Gap {
  what: 'page' | 'requesters' | 'records' | 'closing';
  error: unknown;
  /** The search page that failed (1-based). */
  page?: number;
}

export interface ListState {
  tickets: ListedTicket[];
  /** Requesters and assignees by id (name; the requester's "Permite Consultoria"). */
  people: ReadonlyMap<number, RequesterInfo>;
  records: Apontamento[];
  unreadableRecords: number;
  closing: Closing | null;
  phase: 'tickets' | 'details' | 'ready';
  pagesLoaded: number;
  loadedAt: number | null;
  gaps: Gap[];
  /**
   * Zendesk refused a search page for the account's export budget (another user's refresh is using
   * it): the page is asked again in `seconds`; the rows loaded so far stay. Null otherwise.
   */
  accountBusy: { seconds: number } | null;
}

export interface LoaderContext {
  zendesk: RestClient;
  settings: Settings;
  query: ConsultingQuery;
  /** 'open': tickets not solved, plus the solved/closed ones the next closing invoices. */
  scope: 'open' | 'all';
  calendar: BusinessCalendar | null;
  now?: () => number;
  /** The export search's pacer (default: the frame's, shared with every other export search). */
  pacer?: HoldingPacer;
}

/** A refresh asks for what changed since the last pass began, with this much overlap for clock skew. */
const REFRESH_OVERLAP_MS = 2 * 60_000;

const isSolved = (t: ListedTicket) => t.status === 'solved' || t.status === 'closed';

/**
 * Loads the dashboard's list in stages, so rows show while the rest arrives: the export search
 * pages → requesters/assignees, Apontamentos and the solved tickets the closing invoices. Nothing
 * is per ticket. A failed stage becomes a `Gap` and the rows already loaded stay; `load()` again
 * continues a failed search from its page, or else reads only what changed since the last pass.
 * Plain TypeScript with a subscribe/snapshot pair, for React's useSyncExternalStore.
 */
export class ListLoader {
  private state: ListState = { tickets: [], people: new Map(), records: [], unreadableRecords: 0, closing: null, phase: 'tickets', pagesLoaded: 0, loadedAt: null, gaps: [], accountBusy: null };
  private readonly tickets = new Map<number, ListedTicket>();
  private readonly listeners = new Set<() => void>();
  /** Where a failed search stopped: its `since`, which of the queries, the page's url and number. */
  private resume: { since: number | null; query: number; url: string; page: number } | null = null;
  private lastPassStart: number | null = null;
  private recordsComplete = false;
  private running: Promise<void> | null = null;
  private disposed = false;

  constructor(private readonly ctx: LoaderContext) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ListState => this.state;

  /** Starts (or continues, or refreshes) the list; a call while one runs joins it. */
  load = (): Promise<void> => {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  };

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }

  private now(): number {
    return (this.ctx.now ?? Date.now)();
  }

  private set(change: Partial<ListState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...change };
    this.listeners.forEach((listener) => listener());
  }

  private gap(gap: Gap): void {
    this.set({ gaps: [...this.state.gaps.filter((g) => g.what !== gap.what), gap] });
  }

  private clearGap(what: Gap['what']): void {
    if (this.state.gaps.some((g) => g.what === what)) this.set({ gaps: this.state.gaps.filter((g) => g.what !== what) });
  }

  private publishTickets(): void {
    this.set({ tickets: [...this.tickets.values()] });
  }

  /** The team's tickets: those of its groups, and those of its modules still in another group. */
  private queries(): ConsultingQuery[] {
    const byModule = moduleQueryFor(this.ctx.query, this.ctx.settings);
    return byModule ? [this.ctx.query, byModule] : [this.ctx.query];
  }

  private async pass(): Promise<void> {
    const { zendesk, scope } = this.ctx;
    const passStart = this.now();
    const since = this.resume ? this.resume.since : this.lastPassStart !== null ? this.lastPassStart - REFRESH_OVERLAP_MS : null;
    const queries = this.queries();
    let page = this.resume?.page ?? 1;
    this.set({ phase: 'tickets' });
    for (let q = this.resume?.query ?? 0; q < queries.length; q += 1) {
      let url: string | null = this.resume?.query === q ? this.resume.url : firstConsultingPage(queries[q]!, since);
      while (url !== null) {
        let result;
        try {
          result = await loadConsultingPage(zendesk, url, { ...(this.ctx.pacer ? { pacer: this.ctx.pacer } : {}), onAccountBusy: (seconds) => this.set({ accountBusy: { seconds } }) });
        } catch (error) {
          this.resume = { since, query: q, url, page };
          this.gap({ what: 'page', error, page });
          this.set({ phase: 'ready', accountBusy: null });
          return;
        }
        if (this.state.accountBusy !== null) this.set({ accountBusy: null });
        // A refresh asks for every status (a ticket solved meanwhile must leave the "open" list);
        // the closing stage brings back the solved ones it invoices.
        for (const t of result.tickets) {
          if (scope === 'open' && isSolved(t)) this.tickets.delete(t.id);
          else this.tickets.set(t.id, t);
        }
        this.publishTickets();
        this.set({ pagesLoaded: page });
        url = result.next;
        page += 1;
      }
    }
    this.resume = null;
    this.clearGap('page');
    this.lastPassStart = passStart;
    this.set({ phase: 'details' });

    const people = this.loadPeople();
    const records = await this.loadRecords(since);
    if (records && scope === 'open') await this.loadClosingTickets(records);
    await people;
    // The closing's tickets may bring requesters not seen yet (no request when there are none).
    await this.loadPeople();
    const loadedAt = this.now();
    this.set({ phase: 'ready', loadedAt, closing: this.ctx.calendar ? nextClosing(this.ctx.calendar, loadedAt) : null });
  }

  /** Requesters (their "Permite Consultoria") and assignees (their names), 100 per request. */
  private async loadPeople(): Promise<void> {
    const known = this.state.people;
    const ids = [...new Set([...this.tickets.values()].flatMap((t) => [t.requesterId, t.assigneeId]))].filter((id): id is number => id !== null && !known.has(id));
    if (ids.length === 0) return;
    try {
      const profiles = await loadUserProfiles(this.ctx.zendesk, ids);
      const key = this.ctx.settings.permite_consultoria_field_key;
      const people = new Map(this.state.people);
      for (const [id, p] of profiles) people.set(id, { name: p.name, email: p.email, mayContract: key ? (p.userFields[key] ?? null) : null });
      this.set({ people });
      this.clearGap('requesters');
    } catch (error) {
      this.gap({ what: 'requesters', error });
    }
  }

  /**
   * All records the first time (and after a failed load); on a refresh, those written since, then
   * all of them again if the account's count says some were deleted meanwhile (a search by update
   * time cannot see a deletion).
   */
  private async loadRecords(since: number | null): Promise<Apontamento[] | null> {
    try {
      let read = await this.readRecords(this.recordsComplete ? since : null);
      if (read.partial && (await countApontamentos(this.ctx.zendesk)) !== read.records.length + read.unreadable) read = await this.readRecords(null);
      this.set({ records: read.records, unreadableRecords: read.unreadable });
      this.recordsComplete = true;
      this.clearGap('records');
      return read.records;
    } catch (error) {
      this.recordsComplete = false;
      this.gap({ what: 'records', error });
      return null;
    }
  }

  /** Every record (`since` null), or those written since merged into the ones held (`partial`). */
  private async readRecords(since: number | null): Promise<{ records: Apontamento[]; unreadable: number; partial: boolean }> {
    const changed = new Map<string, Apontamento>();
    let unreadable = 0;
    let next: RecordsPageRequest | null = since === null ? { url: firstApontamentosPage(), changedSince: null } : changedApontamentosPage(since);
    while (next !== null) {
      const answer = await loadApontamentosPage(this.ctx.zendesk, next);
      for (const r of answer.records) changed.set(r.key, r);
      unreadable += answer.unreadable;
      next = answer.next;
    }
    if (since === null) return { records: [...changed.values()], unreadable, partial: false };
    const merged = new Map([...this.state.records.map((r): [string, Apontamento] => [r.key, r]), ...changed]);
    return { records: [...merged.values()], unreadable: this.state.unreadableRecords + unreadable, partial: true };
  }

  /**
   * The solved/closed tickets with Apontamentos not invoiced yet, by id (the search asked for open
   * ones): the next closing invoices them, and their sessions of this month count in its hours.
   */
  private async loadClosingTickets(records: Apontamento[]): Promise<void> {
    const { zendesk, settings } = this.ctx;
    const mine = this.queries();
    const due = new Set(records.filter((r) => r.invoicedAt === null).map((r) => r.ticketId));
    const missing = [...due].filter((id) => !this.tickets.has(id));
    try {
      const found = await loadTicketsByIds(zendesk, missing);
      for (const t of found) if (isSolved(t) && hasConsultingTipo(settings, t.fields) && mine.some((q) => matches(t, q))) this.tickets.set(t.id, t);
      this.publishTickets();
      this.clearGap('closing');
    } catch (error) {
      this.gap({ what: 'closing', error });
    }
  }
}


/** Whether a ticket is one `query` finds (its groups, or its modules). */
function matches(ticket: ListedTicket, query: ConsultingQuery): boolean {
  if (query.modules) return query.modules.values.includes(ticket.fields[query.modules.fieldId] ?? '');
  return query.groupIds.includes(ticket.groupId ?? -1);
}

/** The same search by the modules whose lead group is among the query's groups (null without a module field). */
export function moduleQueryFor(query: ConsultingQuery, settings: Settings): ConsultingQuery | null {
  const fieldId = settings.modulo_field_id;
  const values = Object.entries(settings.module_leads ?? {})
    .filter(([, lead]) => query.groupIds.includes(lead.group_id))
    .map(([module]) => module);
  return fieldId === null || values.length === 0 ? null : { ...query, modules: { fieldId, values } };
}

/** The search for the lead's consulting tickets: both profiles' "Tipo" values, the lead groups. */
export function consultingQueryFor(settings: Settings, groupIds: number[], includeSolved: boolean): ConsultingQuery | null {
  const tipoValues = consultingTipoValues(settings);
  if (!settings.tipo_solicitacao_field_id || tipoValues.length === 0 || groupIds.length === 0) return null;
  return { groupIds, tipoFieldId: settings.tipo_solicitacao_field_id, tipoValues, includeSolved };
}
