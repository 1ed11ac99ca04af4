import * as z from 'zod/mini';
import type { UnitApproval } from '../procedure/unit-billing';
import { ZendeskError } from './errors';
import { cursorPage, type RestClient, zendeskId } from './pages';

/**
 * The Unit's approval of one ticket: ONE record of the custom object `consultoria_aprovacao_unidade`
 * (requirements.json) per ticket, external_id `unidade-<ticketId>`, so every save is an upsert that a
 * retry or a second agent never doubles. `payload` is the validated form as JSON (no secrets:
 * names, e-mails, CNPJ, accounting codes); `comment_id` is the approval comment, once linked.
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

const line = z.string();
const payloadSchema = z.object({
  unit: z.object({ name: line, code: line }),
  responsible: z.object({ name: line, email: line }),
  alternative: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('faturamento'), cnpj: line, razaoSocial: line, billingEmail: line }),
    z.object({ kind: z.literal('repasse'), centroCusto: line, classeValor: line, itemContabil: line }),
  ]),
});

const recordSchema = z.object({
  id: z.string().check(z.minLength(1)),
  updated_at: z.string(),
  custom_object_fields: z.object({ ticket: zendeskId, payload: z.nullish(z.string()), comment_id: z.nullish(z.number().check(z.int())) }),
});

/** A record → the approval; a record whose payload is not ours says so (the agent re-saves the form). */
export function unitApprovalFromRecord(raw: unknown): StoredUnitApproval {
  const parsed = recordSchema.safeParse(raw);
  if (!parsed.success) throw new ZendeskError('malformed', `${UNIT_APPROVAL_OBJECT} record: ${parsed.error.issues[0]?.path.join('.') ?? ''}`, { detail: 'record' });
  const { id, updated_at, custom_object_fields: f } = parsed.data;
  let json: unknown = null;
  try {
    json = JSON.parse(f.payload ?? 'null');
  } catch {
    // reported below
  }
  const payload = payloadSchema.safeParse(json);
  if (!payload.success) throw new ZendeskError('malformed', `${UNIT_APPROVAL_OBJECT} record ${id}: payload`, { detail: 'payload' });
  return { recordId: id, ticketId: f.ticket, approval: payload.data, commentId: f.comment_id ?? null, updatedAt: Date.parse(updated_at) || 0 };
}

/** The ticket's approval record, or null when none was saved yet. */
export async function loadUnitApproval(zendesk: RestClient, ticketId: number): Promise<StoredUnitApproval | null> {
  const key = unitApprovalKey(ticketId);
  const page = await zendesk.request({ url: `${RECORDS}?filter[external_ids]=${encodeURIComponent(key)}` }, cursorPage('custom_object_records', z.looseObject({ external_id: z.nullish(z.string()) })));
  const raw = page.items.find((r) => r.external_id === key);
  return raw ? unitApprovalFromRecord(raw) : null;
}

/**
 * Upserts the ticket's record (PATCH …/records?external_id=unidade-<id>). Only what is given is
 * sent: saving the form keeps a linked comment; linking a comment keeps the data.
 */
export async function saveUnitApproval(zendesk: RestClient, args: { ticketId: number; approval: UnitApproval; commentId?: number }): Promise<StoredUnitApproval> {
  const { ticketId, approval, commentId } = args;
  if (!Number.isSafeInteger(ticketId) || ticketId <= 0) throw new ZendeskError('invalid', `not a ticket id: ${ticketId}`, { detail: 'ticket' });
  if (commentId !== undefined && (!Number.isSafeInteger(commentId) || commentId <= 0)) throw new ZendeskError('invalid', `not a comment id: ${commentId}`, { detail: 'comment_id' });
  const key = unitApprovalKey(ticketId);
  const body = {
    custom_object_record: {
      name: `#${ticketId} · ${approval.unit.name} (${approval.unit.code})`.slice(0, 255),
      external_id: key,
      custom_object_fields: { ticket: String(ticketId), payload: JSON.stringify(approval), ...(commentId === undefined ? {} : { comment_id: commentId }) },
    },
  };
  const answer = await zendesk.request({ url: `${RECORDS}?external_id=${encodeURIComponent(key)}`, method: 'PATCH', body, idempotent: true }, z.object({ custom_object_record: z.unknown() }));
  return unitApprovalFromRecord(answer.custom_object_record);
}
