import { format } from 'date-fns';
import * as v from 'valibot';
import type { Apontamento } from '../../procedure/apontamento-types';
import type { ApontamentoDraft, ValidSession } from '../../procedure/apontamento-form';
import { applyUnitPays, applyWaiver, type WaiverReason } from '../../procedure/billing';
import { storedApontamentoSchema } from '../../zendesk/apontamentos';

/**
 * The session form as the agent left it, kept in localStorage as JSON so a reload loses nothing.
 * `key` is made once when the form opens and is the record's idempotency key: saving twice, or
 * retrying, writes the same record.
 */
export interface SessionDraft {
  key: string;
  /** `datetime-local` text ("2026-03-02T10:00"), local time; "" when not picked. */
  startText: string;
  minutes: string;
  channel: string;
  description: string;
  outcome: string;
  waived: boolean;
  waiverReason: WaiverReason;
  /** Editing a stored record: what it was (its creation, its acceptance), else null. */
  editing: Apontamento | null;
}

export const sessionDraftSchema: v.GenericSchema<unknown, SessionDraft> = v.object({
  key: v.pipe(v.string(), v.minLength(1)),
  startText: v.string(),
  minutes: v.string(),
  channel: v.string(),
  description: v.string(),
  outcome: v.string(),
  waived: v.boolean(),
  waiverReason: v.picklist(['ISSUE', 'DOCUMENTAÇÃO']),
  editing: v.nullable(storedApontamentoSchema),
});

export const toStartText = (ms: number): string => format(ms, "yyyy-MM-dd'T'HH:mm");

/** "" or an unparsable text → null (validation then asks for it). */
export function startOf(text: string): number | null {
  if (text.trim() === '') return null;
  const ms = new Date(text).getTime();
  return Number.isFinite(ms) ? ms : null;
}

export function newDraft(key: string, session: { start: number | null; minutes: number | null }): SessionDraft {
  return {
    key,
    startText: session.start === null ? '' : toStartText(session.start),
    minutes: session.minutes === null ? '' : String(session.minutes),
    channel: '',
    description: '',
    outcome: '',
    waived: false,
    waiverReason: 'ISSUE',
    editing: null,
  };
}

export function draftOfRecord(record: Apontamento): SessionDraft {
  return {
    key: record.key,
    startText: toStartText(record.start),
    minutes: String(record.minutes),
    channel: record.channel,
    description: record.description,
    outcome: record.outcome,
    waived: !record.billable && (record.notAcceptedReason === 'ISSUE' || record.notAcceptedReason === 'DOCUMENTAÇÃO'),
    waiverReason: record.notAcceptedReason === 'DOCUMENTAÇÃO' ? 'DOCUMENTAÇÃO' : 'ISSUE',
    editing: record,
  };
}

export const formOf = (draft: SessionDraft): ApontamentoDraft => ({
  start: startOf(draft.startText),
  minutes: draft.minutes,
  channel: draft.channel,
  description: draft.description,
  outcome: draft.outcome,
});

export interface RecordContext {
  ticketId: number;
  analystId: number;
  /** The ticket carries the `tag_unidade` tag. */
  unitPays: boolean;
  /** Módulo profile: the waiver checkbox counts. */
  waiverAllowed: boolean;
  now: number;
}

/**
 * The Apontamento a valid session becomes. The billing rules decide "faturável": the Unit pays
 * (REPASSE) or a Módulo waiver. An edit keeps the record's creation and a lead's "não aceita".
 */
export function apontamentoOf(draft: SessionDraft, session: ValidSession, ctx: RecordContext): Apontamento {
  const before = draft.editing;
  const leadRefused = before && !before.accepted && before.billable ? before.notAcceptedReason : null;
  let record: Apontamento = {
    key: draft.key,
    recordId: before?.recordId ?? null,
    ticketId: ctx.ticketId,
    analystId: before?.analystId ?? ctx.analystId,
    start: session.start,
    minutes: session.minutes,
    channel: session.channel,
    description: session.description,
    outcome: session.outcome,
    billable: true,
    accepted: leadRefused === null,
    notAcceptedReason: leadRefused,
    invoicedAt: null,
    createdAt: before?.createdAt ?? ctx.now,
    updatedAt: ctx.now,
  };
  if (ctx.waiverAllowed && draft.waived) record = applyWaiver(record, draft.waiverReason);
  if (ctx.unitPays) record = applyUnitPays(record);
  return record;
}
