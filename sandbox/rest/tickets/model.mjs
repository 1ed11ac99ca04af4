/** Ticket building blocks shared by the fixtures and the update endpoint: audits, events, via. */
import { commentTexts } from '../html.mjs';
import { nextId } from '../ids.mjs';
import { iso } from '../time.mjs';

export const STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
export const TICKET_TYPES = ['problem', 'incident', 'question', 'task'];

/** The account's default custom statuses, one per status category. */
export const CUSTOM_STATUS_IDS = { new: 10001, open: 10002, pending: 10003, hold: 10004, solved: 10005, closed: 10005 };

export const BRAND_ID = 360000001;

/**
 * Zendesk's via object. Channels used here: web, email, voice, api.
 * @param {string} channel @param {{from?: object, to?: object, rel?: string|null}} [source]
 */
export function via(channel, source = {}) {
  return { channel, source: { from: source.from ?? {}, to: source.to ?? {}, rel: source.rel ?? null } };
}

/** Custom (non-system) ticket fields: the ones `custom_fields` carries. */
export const CUSTOM_FIELD_TYPES = new Set(['text', 'textarea', 'checkbox', 'date', 'integer', 'decimal', 'regexp', 'partialcreditcard', 'multiselect', 'tagger', 'lookup']);

export const customFields = (state) => state.ticketFields.filter((f) => CUSTOM_FIELD_TYPES.has(f.type));

/** @param {any} state @param {{author_id: number, body?: string, html_body?: string, public?: boolean}} input @param {number} auditId */
export function commentEvent(state, input, auditId) {
  const texts = commentTexts(input);
  return {
    id: nextId(state),
    type: 'Comment',
    author_id: input.author_id,
    body: texts.body,
    html_body: texts.html_body,
    plain_body: texts.plain_body,
    public: input.public !== false,
    attachments: [],
    audit_id: auditId,
  };
}

/**
 * Appends an audit to the ticket's history and returns it. Event ids are assigned here.
 * @param {any} state @param {number} ticketId
 * @param {{authorId: number, nowMs: number, via: object, client?: string, build: (auditId: number) => object[]}} options
 */
export function appendAudit(state, ticketId, { authorId, nowMs, via: viaObject, client = 'Zendesk Sandbox', build }) {
  // A deferred history (history.mjs) must be written first, or this audit would come before it.
  if (state.deferredHistories?.[ticketId]) throw new Error(`ticket ${ticketId}: read its audits with auditsOf() before adding one`);
  const id = nextId(state);
  const events = build(id).map((event) => (event.id ? event : { id: nextId(state), ...event }));
  const audit = {
    id,
    ticket_id: ticketId,
    created_at: iso(nowMs),
    author_id: authorId,
    metadata: { system: { client, ip_address: '127.0.0.1', location: 'Local sandbox', latitude: 0, longitude: 0 }, custom: {} },
    via: viaObject,
    events,
  };
  (state.audits[ticketId] ??= []).push(audit);
  return audit;
}

/** Keeps `updated_at` strictly increasing so a stale `updated_stamp` is always detected, even within one second. */
export function touchTicket(ticket, nowMs) {
  const previous = Date.parse(ticket.updated_at);
  const next = Math.max(Math.floor(nowMs / 1000) * 1000, previous + 1000);
  ticket.updated_at = iso(next);
}
