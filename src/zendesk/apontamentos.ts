import * as v from 'valibot';
import { NOT_ACCEPTED_REASONS, type Apontamento, type NotAcceptedReason, type SessionChannel } from '../procedure/apontamento-types';
import { ZendeskError } from './errors';
import { apiPath, cursorPage, type Page, type RestClient, zendeskId } from './pages';

/**
 * Apontamentos as records of the custom object `consultoria_apontamento` (declared in
 * requirements.json). The record's external_id is the Apontamento's key, so every write is an
 * upsert that a retry, a resend from the outbox or a second agent can never double.
 */
export const APONTAMENTO_OBJECT = 'consultoria_apontamento';
const RECORDS = `/api/v2/custom_objects/${APONTAMENTO_OBJECT}/records`;
/** A ticket with more Apontamentos than this (100 per page) is a broken answer, not a real ticket. */
const MAX_PAGES = 50;

/** The one timestamp shape requirements.json's regexp accepts: sortable, and `2026-03` prefixes a month. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * "Consultoria Aceita" is ONE dropdown: SIM, or NÃO with its reason. Not for want of fields (Zendesk's
 * requirements validator allows 20 per object, 5 of them dropdowns): one field makes "NÃO without a
 * reason" and "SIM with a reason" unrepresentable, and records saved so far need no migration.
 */
const ACEITA_SIM = 'sim';
const ACEITA_NAO: Record<NotAcceptedReason, string> = {
  ISSUE: 'nao_issue',
  REPASSE: 'nao_repasse',
  GESTÃO: 'nao_gestao',
  DOCUMENTAÇÃO: 'nao_documentacao',
  'GAP SUPORTE': 'nao_gap_suporte',
  OUTROS: 'nao_outros',
};
const REASON_BY_VALUE = new Map(NOT_ACCEPTED_REASONS.map((reason) => [ACEITA_NAO[reason], reason]));
const ACEITA_VALUES = [ACEITA_SIM, ...NOT_ACCEPTED_REASONS.map((r) => ACEITA_NAO[r])] as const;
const CHANNELS = ['phone', 'remote', 'replay'] as const satisfies readonly SessionChannel[];

const instant = v.pipe(
  v.string(),
  v.regex(ISO_INSTANT, 'not an ISO instant (YYYY-MM-DDTHH:MM:SS.sssZ)'),
  v.rawTransform(({ dataset: { value: text }, addIssue, NEVER }) => {
    const ms = Date.parse(text);
    if (Number.isFinite(ms)) return ms;
    addIssue({ message: `not a real date: ${text}` });
    return NEVER;
  }),
);
const timestamp = v.pipe(
  v.string(),
  v.rawTransform(({ dataset: { value: text }, addIssue, NEVER }) => {
    const ms = Date.parse(text);
    if (Number.isFinite(ms)) return ms;
    addIssue({ message: `not a date: ${text}` });
    return NEVER;
  }),
);

const recordSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  external_id: v.pipe(v.string(), v.minLength(1, 'missing: the app writes every Apontamento with its key')),
  created_at: timestamp,
  updated_at: timestamp,
  custom_object_fields: v.object({
    ticket: zendeskId,
    analyst: zendeskId,
    start: instant,
    minutes: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
    channel: v.picklist(CHANNELS),
    description: v.nullish(v.string()),
    outcome: v.nullish(v.string()),
    faturavel: v.nullish(v.boolean()),
    aceita: v.nullish(v.picklist(ACEITA_VALUES)),
    invoiced_at: v.nullish(instant),
  }),
});

/** A record as Zendesk gives it → Apontamento; a record of the wrong shape names its field. */
export function apontamentoFromRecord(raw: unknown): Apontamento {
  const parsed = v.safeParse(recordSchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const field = (issue?.path ?? []).map((p) => p.key).filter((k) => k !== 'custom_object_fields').join('.') || '(record)';
    const id = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : '?';
    throw new ZendeskError('malformed', `${APONTAMENTO_OBJECT} record ${id}: ${field}: ${issue?.message ?? 'invalid'}`, { detail: field });
  }
  const r = parsed.output;
  const f = r.custom_object_fields;
  // An unset "Consultoria Aceita" is SIM: only a lead turns it to NÃO, and always with a reason.
  const reason = f.aceita ? (REASON_BY_VALUE.get(f.aceita) ?? null) : null;
  return {
    key: r.external_id,
    recordId: r.id,
    ticketId: f.ticket,
    analystId: f.analyst,
    start: f.start,
    minutes: f.minutes,
    channel: f.channel,
    description: f.description ?? '',
    outcome: f.outcome ?? '',
    billable: f.faturavel ?? false,
    accepted: reason === null,
    notAcceptedReason: reason,
    invoicedAt: f.invoiced_at ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function refuse(field: string, why: string): never {
  throw new ZendeskError('invalid', `Apontamento ${field}: ${why}`, { detail: field });
}

const isId = (n: number) => Number.isSafeInteger(n) && n > 0;

/**
 * Apontamento → the record body of an upsert. Checked here because a bad value would come back
 * as a 422 only after a round trip (or sit in the outbox). `invoiced_at` is sent only when set:
 * the monthly closing owns it, and a late resend of an older edit must never un-invoice a record.
 */
export function recordFromApontamento(a: Apontamento) {
  if (a.key.trim() === '') refuse('key', 'empty');
  if (!isId(a.ticketId)) refuse('ticket', `not a ticket id: ${a.ticketId}`);
  if (!isId(a.analystId)) refuse('analyst', `not a user id: ${a.analystId}`);
  if (!Number.isFinite(a.start)) refuse('start', 'not a date');
  if (!Number.isSafeInteger(a.minutes) || a.minutes < 0) refuse('minutes', `not a whole number of minutes: ${a.minutes}`);
  if (!CHANNELS.includes(a.channel)) refuse('channel', `unknown channel: ${String(a.channel)}`);
  if (a.accepted !== (a.notAcceptedReason === null)) refuse('aceita', a.accepted ? 'SIM cannot have a reason' : 'NÃO needs a reason');
  if (a.invoicedAt !== null && !Number.isFinite(a.invoicedAt)) refuse('invoiced_at', 'not a date');
  const start = new Date(a.start).toISOString();
  return {
    name: `#${a.ticketId} · ${start.slice(0, 16).replace('T', ' ')} UTC · ${a.minutes} min`,
    external_id: a.key,
    custom_object_fields: {
      ticket: String(a.ticketId),
      analyst: String(a.analystId),
      start,
      minutes: a.minutes,
      channel: a.channel,
      description: a.description,
      outcome: a.outcome,
      faturavel: a.billable,
      aceita: a.notAcceptedReason === null ? ACEITA_SIM : ACEITA_NAO[a.notAcceptedReason],
      ...(a.invoicedAt === null ? {} : { invoiced_at: new Date(a.invoicedAt).toISOString() }),
    },
  };
}

const oneRecord = v.object({ custom_object_record: v.unknown() });
const byKeyUrl = (key: string) => `${RECORDS}?filter[external_ids]=${encodeURIComponent(key)}`;

/** The stored record with this key, or null. (A comma would split the filter: keys are the app's, never contain one.) */
async function findByKey(zendesk: RestClient, key: string): Promise<Apontamento | null> {
  if (key.includes(',')) refuse('key', 'contains a comma');
  const page = await zendesk.request({ url: byKeyUrl(key) }, cursorPage('custom_object_records', v.unknown()));
  const found = page.items.map(apontamentoFromRecord).find((a) => a.key === key);
  return found ?? null;
}

function refuseIfInvoiced(stored: Apontamento | null, what: string): void {
  if (stored?.invoicedAt != null) {
    throw new ZendeskError('invalid', `Apontamento ${stored.key} was invoiced on ${new Date(stored.invoicedAt).toISOString()}: it cannot be ${what}`, { detail: 'invoiced_at' });
  }
}

/**
 * Creates or updates the Apontamento `record.key` (PATCH …/records?external_id=KEY) and returns
 * it as Zendesk stored it. An invoiced record is refused (ZendeskError 'invalid', detail
 * 'invoiced_at'), whatever the caller thinks: the closing may have run since the edit was queued.
 */
export async function saveApontamento(zendesk: RestClient, record: Apontamento): Promise<Apontamento> {
  const body = recordFromApontamento(record);
  refuseIfInvoiced(await findByKey(zendesk, record.key), 'changed');
  const answer = await zendesk.request(
    { url: `${RECORDS}?external_id=${encodeURIComponent(record.key)}`, method: 'PATCH', body: { custom_object_record: body }, idempotent: true },
    oneRecord,
  );
  return apontamentoFromRecord(answer.custom_object_record);
}

/**
 * Every Apontamento of the ticket, by start: the filtered search on the ticket lookup
 * (POST …/records/search), following the cursor pages. Zendesk's search is an index, so a record
 * written seconds ago may be missing: callers show their unsent and just-saved ones alongside.
 */
export async function listApontamentos(zendesk: RestClient, ticketId: number): Promise<Apontamento[]> {
  if (!isId(ticketId)) refuse('ticket', `not a ticket id: ${ticketId}`);
  const body = { filter: { 'custom_object_fields.ticket': { $eq: String(ticketId) } } };
  const schema = cursorPage('custom_object_records', v.unknown());
  const found: Apontamento[] = [];
  let url: string | null = `${RECORDS}/search?page[size]=100`;
  for (let pages = 0; url !== null; pages += 1) {
    if (pages === MAX_PAGES) throw new ZendeskError('malformed', `${RECORDS}/search: more than ${MAX_PAGES} pages for ticket ${ticketId}`);
    const page: Page<unknown> = await zendesk.request({ url, method: 'POST', body, idempotent: true }, schema);
    found.push(...page.items.map(apontamentoFromRecord));
    url = page.next === null ? null : apiPath(page.next);
  }
  // The filter is Zendesk's; a record of another ticket here would be billed to the wrong client.
  const strays = found.filter((a) => a.ticketId !== ticketId);
  if (strays.length > 0) throw new ZendeskError('malformed', `search for ticket ${ticketId} answered records of ticket ${strays[0]!.ticketId}`, { detail: 'ticket' });
  return found.sort((a, b) => a.start - b.start || a.key.localeCompare(b.key));
}

/**
 * Deletes the Apontamento `key`. Deleting one that is already gone succeeds (a retry after a lost
 * answer); an invoiced one is refused like an edit.
 */
export async function deleteApontamento(zendesk: RestClient, key: string): Promise<void> {
  const stored = await findByKey(zendesk, key);
  if (stored === null) return;
  refuseIfInvoiced(stored, 'deleted');
  try {
    await zendesk.request({ url: `${RECORDS}/${encodeURIComponent(stored.recordId ?? '')}`, method: 'DELETE', idempotent: true }, v.unknown());
  } catch (error) {
    if (!(error instanceof ZendeskError && error.kind === 'not_found')) throw error;
  }
}

/** Finite numbers only: the outbox also checks items built in memory, where ±Infinity can occur. */
const finite = v.pipe(v.number(), v.finite());
/** The app's own Apontamento, as the outbox keeps it in local storage between reloads. */
export const storedApontamentoSchema: v.GenericSchema<unknown, Apontamento> = v.object({
  key: v.pipe(v.string(), v.minLength(1)),
  recordId: v.nullable(v.string()),
  ticketId: finite,
  analystId: finite,
  start: finite,
  minutes: finite,
  channel: v.picklist(CHANNELS),
  description: v.string(),
  outcome: v.string(),
  billable: v.boolean(),
  accepted: v.boolean(),
  notAcceptedReason: v.nullable(v.picklist(NOT_ACCEPTED_REASONS)),
  invoicedAt: v.nullable(finite),
  createdAt: finite,
  updatedAt: finite,
});
