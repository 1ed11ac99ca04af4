import type { TicketAudit } from './audit';
import { everSet, lastTagAdded, pausesOf, tagOnSince } from './history';
import type { Pause } from './periods/types';
import type { Settings } from './settings';

/**
 * The procedure index: the few facts of a ticket's history that the leads' dashboard needs and that
 * Zendesk's search cannot return (search gives tags and fields, never audits). The sidebar derives
 * it from the audits (the truth) and keeps it in one text ticket field; the dashboard reads that
 * field from the export search, so listing 5 000 tickets needs no request per ticket.
 *
 * Wire format (documented in README "The procedure index field"; the sandbox writes it too):
 *   v1;aceite=<iso>;relogio=<iso>;pausas=<iso>/<iso|>,…;horarios=<iso>;inicio=<iso>;lider=1
 * Instants are UTC ISO 8601 to the second ("2026-11-28T14:30:00Z"); absent keys mean "none"/false;
 * an open pause has an empty end. Unknown keys are ignored (a newer app may add some; an older one
 * wrote `macro=1`, which the list never needed: it finds tickets by their consulting "Tipo").
 *
 * Written in the agent's own save (the `ticket.save` hook sets the field, so it lands in the same
 * update as the tags it describes), or in the app's own REST updates; the sidebar rewrites it only
 * when the audits disagree (a ticket saved without the app, or before it kept the index).
 */
export interface ProcedureIndex {
  /** Since when the Aceite tag is on the ticket. */
  aceiteAt: number | null;
  /** Where the períodos clock starts: the latest Aceite or client return. */
  clockStartAt: number | null;
  /** "Client has no availability" spans that matter to the clock (oldest first). */
  pauses: Pause[];
  /** Slots reply marked (the 1-período step) and service started (the 3-período step). */
  availabilityAt: number | null;
  startAt: number | null;
  /** The ticket was with the module's lead at some point (so an analyst now means "designated"). */
  withLead: boolean;
}

export const EMPTY_INDEX: ProcedureIndex = { aceiteAt: null, clockStartAt: null, pauses: [], availabilityAt: null, startAt: null, withLead: false };

/** A long-running ticket keeps its latest pauses; older ones end before the clock's start anyway. */
const MAX_PAUSES = 20;

export interface IndexContext {
  settings: Settings;
  /** The module's lead, when the ticket has a module with a lead. */
  leadId: number | null;
}

export function indexFromAudits(audits: readonly TicketAudit[], { settings, leadId }: IndexContext): ProcedureIndex {
  const tagSince = (tag: string | null) => (tag ? (tagOnSince(audits, tag)?.at ?? null) : null);
  const clockTags = [settings.tag_aceite, settings.tag_retorno].filter((t): t is string => t !== null);
  const clockStartAt = lastTagAdded(audits, clockTags)?.at ?? null;
  const pauses = settings.tag_sem_disponibilidade ? pausesOf(audits, settings.tag_sem_disponibilidade) : [];
  const relevant = clockStartAt === null ? [] : pauses.filter((p) => p.to === null || p.to > clockStartAt).slice(-MAX_PAUSES);
  return {
    aceiteAt: tagSince(settings.tag_aceite),
    clockStartAt,
    pauses: relevant,
    availabilityAt: tagSince(settings.tag_horarios),
    startAt: tagSince(settings.tag_atendimento),
    withLead: leadId !== null && everSet(audits, 'assignee_id', (v) => Number(v) === leadId),
  };
}

/** What a save is about to write: the new tags and assignee, and when (≈ now). */
export interface PendingSave {
  at: number;
  authorId: number;
  tags: readonly string[];
  assigneeId: number | null;
}

/** The last value the audits give `field` (the saved state), or undefined if they never set it. */
function savedValue(audits: readonly TicketAudit[], field: string): unknown {
  let value: unknown;
  for (const audit of audits) for (const event of audit.events) if ((event.type === 'Change' || event.type === 'Create') && event.field === field) value = event.value;
  return value;
}

function savedTags(audits: readonly TicketAudit[]): string[] {
  const value = savedValue(audits, 'tags');
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

/**
 * The index the ticket will have once `pending` is saved: the audits plus that save as Zendesk will
 * record it (stamped a few seconds later at most; `sameIndex` allows for that).
 */
export function indexAfterSave(audits: readonly TicketAudit[], pending: PendingSave, context: IndexContext): ProcedureIndex {
  const before = savedTags(audits);
  const savedAssignee = savedValue(audits, 'assignee_id');
  const assigneeBefore = savedAssignee === null || savedAssignee === undefined || savedAssignee === '' ? null : Number(savedAssignee);
  const events: TicketAudit['events'] = [];
  const sameTags = before.length === pending.tags.length && before.every((t) => pending.tags.includes(t));
  if (!sameTags) events.push({ type: 'Change', field: 'tags', value: [...pending.tags], previousValue: before });
  if (assigneeBefore !== pending.assigneeId) {
    events.push({ type: 'Change', field: 'assignee_id', value: pending.assigneeId === null ? null : String(pending.assigneeId), previousValue: assigneeBefore === null ? null : String(assigneeBefore) });
  }
  const save: TicketAudit = { id: Number.MAX_SAFE_INTEGER, createdAt: pending.at, authorId: pending.authorId, events };
  return indexFromAudits(events.length === 0 ? audits : [...audits, save], context);
}

/** The same for an update that only adds and removes tags on the saved ticket (the app's own REST updates). */
export function indexAfterTagChange(audits: readonly TicketAudit[], change: { at: number; authorId: number; add: readonly string[]; remove: readonly string[] }, context: IndexContext): ProcedureIndex {
  const saved = savedTags(audits);
  const tags = [...saved.filter((t) => !change.remove.includes(t)), ...change.add.filter((t) => !saved.includes(t))];
  const assignee = savedValue(audits, 'assignee_id');
  return indexAfterSave(audits, { at: change.at, authorId: change.authorId, tags, assigneeId: assignee === null || assignee === undefined || assignee === '' ? null : Number(assignee) }, context);
}

/** How far a written instant may be from the audit's: the save hook writes "now", Zendesk stamps the save a moment later. */
export const INDEX_TOLERANCE_MS = 5 * 60_000;

/** Whether two indexes say the same, instants within `toleranceMs` (the field is rewritten only when they do not). */
export function sameIndex(a: ProcedureIndex, b: ProcedureIndex, toleranceMs = INDEX_TOLERANCE_MS): boolean {
  const near = (x: number | null, y: number | null) => (x === null || y === null ? x === y : Math.abs(x - y) <= toleranceMs);
  return (
    near(a.aceiteAt, b.aceiteAt) &&
    near(a.clockStartAt, b.clockStartAt) &&
    near(a.availabilityAt, b.availabilityAt) &&
    near(a.startAt, b.startAt) &&
    a.withLead === b.withLead &&
    a.pauses.length === b.pauses.length &&
    a.pauses.every((p, i) => near(p.from, b.pauses[i]!.from) && near(p.to, b.pauses[i]!.to))
  );
}

const toIso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
/** Also refuses dates the engine would roll over ("02-30" → March 2nd, "24:00"): written back, they must read the same. */
const fromIso = (text: string): number | null => {
  const ms = ISO.test(text) ? Date.parse(text) : NaN;
  return Number.isFinite(ms) && toIso(ms) === text ? ms : null;
};

/** The field's text; "" for an index with nothing in it (a ticket the clock never concerned). */
export function encodeIndex(index: ProcedureIndex): string {
  const parts: string[] = [];
  const instant = (key: string, ms: number | null) => ms !== null && parts.push(`${key}=${toIso(ms)}`);
  instant('aceite', index.aceiteAt);
  instant('relogio', index.clockStartAt);
  if (index.pauses.length > 0) parts.push(`pausas=${index.pauses.map((p) => `${toIso(p.from)}/${p.to === null ? '' : toIso(p.to)}`).join(',')}`);
  instant('horarios', index.availabilityAt);
  instant('inicio', index.startAt);
  if (index.withLead) parts.push('lider=1');
  return parts.length === 0 ? '' : ['v1', ...parts].join(';');
}

/**
 * Reads the field's text. null for an empty field; a malformed one (edited by hand, cut short) is
 * also null — the dashboard then says the ticket's deadlines are unknown rather than guess.
 */
export function parseIndex(text: string | null | undefined): ProcedureIndex | null {
  if (!text) return null;
  const [version, ...parts] = text.trim().split(';');
  if (version !== 'v1') return null;
  const index: ProcedureIndex = { ...EMPTY_INDEX, pauses: [] };
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) return null;
    const key = part.slice(0, eq);
    const value = part.slice(eq + 1);
    const instant = () => {
      const ms = fromIso(value);
      if (ms === null) throw new MalformedIndex();
      return ms;
    };
    try {
      if (key === 'aceite') index.aceiteAt = instant();
      else if (key === 'relogio') index.clockStartAt = instant();
      else if (key === 'horarios') index.availabilityAt = instant();
      else if (key === 'inicio') index.startAt = instant();
      else if (key === 'lider') index.withLead = value === '1';
      else if (key === 'pausas') index.pauses = parsePauses(value);
    } catch (error) {
      if (error instanceof MalformedIndex) return null;
      throw error;
    }
  }
  return index;
}

class MalformedIndex extends Error {}

function parsePauses(text: string): Pause[] {
  return text.split(',').map((span) => {
    const [fromText, toText, extra] = span.split('/');
    const from = fromIso(fromText ?? '');
    const to = toText === '' ? null : fromIso(toText ?? '');
    if (from === null || extra !== undefined || toText === undefined || (toText !== '' && to === null) || (to !== null && to < from)) throw new MalformedIndex();
    return { from, to };
  });
}

/**
 * The text to write so the field says what `wanted` says, or null when it already does (an empty
 * index and an empty field agree; an unreadable field never does).
 */
export function indexUpdate(current: string | null, wanted: ProcedureIndex): string | null {
  const text = encodeIndex(wanted);
  if (!current?.trim()) return text === '' ? null : text;
  const saved = parseIndex(current);
  return saved !== null && sameIndex(saved, wanted) ? null : text;
}

/** The last value the audits show for a custom field (the saved index), or null. */
export function savedFieldText(audits: readonly TicketAudit[], fieldId: number): string | null {
  let value: string | null = null;
  for (const audit of audits) {
    for (const event of audit.events) {
      if ((event.type === 'Change' || event.type === 'Create') && event.field === String(fieldId)) value = typeof event.value === 'string' ? event.value : null;
    }
  }
  return value;
}
