import * as v from 'valibot';
import type { UnitApproval } from '../procedure/unit-billing';
import { ZendeskError } from './errors';
import { cursorPage, type RestClient, zendeskId } from './pages';

/**
 * The Unit's approval of one ticket: ONE record of the custom object `consultoria_aprovacao_unidade`
 * (requirements.json) per ticket, external_id `unidade-<ticketId>`, so every save is an upsert that a
 * retry or a second agent never doubles. `payload` is the validated form as JSON (no secrets:
 * names, e-mails, CNPJ, accounting codes); `approval_comment` is the approval comment's id, once linked.
 *
 * The comment id is stored as TEXT: Zendesk comment ids have 13–14 digits and the reference gives
 * no range for an integer custom field. Records linked before that carry it in the integer field
 * `comment_id` (kept in requirements.json so they still read); any link or unlink writes the text
 * field and clears the old one, so the old value never comes back.
 */
export const UNIT_APPROVAL_OBJECT = 'consultoria_aprovacao_unidade';
const RECORDS = `/api/v2/custom_objects/${UNIT_APPROVAL_OBJECT}/records`;

export const unitApprovalKey = (ticketId: number): string => `unidade-${ticketId}`;

export interface StoredUnitApproval {
  recordId: string;
  ticketId: number;
  approval: UnitApproval;
  commentId: number | null;
  updatedAt: number;
}

const line = v.string();
const payloadSchema = v.object({
  unit: v.object({ name: line, code: line }),
  responsible: v.object({ name: line, email: line }),
  alternative: v.variant('kind', [
    v.object({ kind: v.literal('faturamento'), cnpj: line, razaoSocial: line, billingEmail: line }),
    v.object({ kind: v.literal('repasse'), centroCusto: line, classeValor: line, itemContabil: line }),
  ]),
});

const recordSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  updated_at: v.string(),
  custom_object_fields: v.object({
    ticket: zendeskId,
    payload: v.nullish(v.string()),
    approval_comment: v.nullish(v.union([v.literal(''), zendeskId])),
    /** The old integer field: records linked before approval_comment existed. */
    comment_id: v.nullish(zendeskId),
  }),
});

/** A record → the approval; a record whose payload is not ours says so (the agent re-saves the form). */
export function unitApprovalFromRecord(raw: unknown): StoredUnitApproval {
  const parsed = v.safeParse(recordSchema, raw);
  if (!parsed.success) throw new ZendeskError('malformed', `${UNIT_APPROVAL_OBJECT} record: ${v.getDotPath(parsed.issues[0]) ?? ''}`, { detail: 'record' });
  const { id, updated_at, custom_object_fields: f } = parsed.output;
  let json: unknown = null;
  try {
    json = JSON.parse(f.payload ?? 'null');
  } catch {
    // reported below
  }
  const payload = v.safeParse(payloadSchema, json);
  if (!payload.success) throw new ZendeskError('malformed', `${UNIT_APPROVAL_OBJECT} record ${id}: payload`, { detail: 'payload' });
  return { recordId: id, ticketId: f.ticket, approval: payload.output, commentId: f.approval_comment || f.comment_id || null, updatedAt: Date.parse(updated_at) || 0 };
}

/** The ticket's approval record, or null when none was saved yet. */
export async function loadUnitApproval(zendesk: RestClient, ticketId: number): Promise<StoredUnitApproval | null> {
  const key = unitApprovalKey(ticketId);
  const page = await zendesk.request({ url: `${RECORDS}?filter[external_ids]=${encodeURIComponent(key)}` }, cursorPage('custom_object_records', v.looseObject({ external_id: v.nullish(v.string()) })));
  const raw = page.items.find((r) => r.external_id === key);
  return raw ? unitApprovalFromRecord(raw) : null;
}

/**
 * Upserts the ticket's record (PATCH …/records?external_id=unidade-<id>). Only what is given is
 * sent: saving the form keeps a linked comment; linking a comment keeps the data.
 */
/** `commentId`: the approval comment to link, null to unlink it, left out to keep what is stored. */
export async function saveUnitApproval(zendesk: RestClient, args: { ticketId: number; approval: UnitApproval; commentId?: number | null }): Promise<StoredUnitApproval> {
  const { ticketId, approval, commentId } = args;
  if (!Number.isSafeInteger(ticketId) || ticketId <= 0) throw new ZendeskError('invalid', `not a ticket id: ${ticketId}`, { detail: 'ticket' });
  if (typeof commentId === 'number' && (!Number.isSafeInteger(commentId) || commentId <= 0)) throw new ZendeskError('invalid', `not a comment id: ${commentId}`, { detail: 'comment_id' });
  const key = unitApprovalKey(ticketId);
  const body = {
    custom_object_record: {
      name: `#${ticketId} · ${approval.unit.name} (${approval.unit.code})`.slice(0, 255),
      external_id: key,
      custom_object_fields: { ticket: String(ticketId), payload: JSON.stringify(approval), ...(commentId === undefined ? {} : { approval_comment: commentId === null ? null : String(commentId), comment_id: null }) },
    },
  };
  const answer = await zendesk.request({ url: `${RECORDS}?external_id=${encodeURIComponent(key)}`, method: 'PATCH', body, idempotent: true }, v.object({ custom_object_record: v.unknown() }));
  return unitApprovalFromRecord(answer.custom_object_record);
}
