/** Zendesk JSON for tickets, audits and comments. Always fresh objects: callers may mutate them. */
import { ACCOUNT_ORIGIN } from '../context.mjs';

/** @param {any} t */
export function ticketJson(t) {
  const fields = t.custom_fields.map((f) => ({ id: f.id, value: Array.isArray(f.value) ? [...f.value] : f.value }));
  return {
    url: `${ACCOUNT_ORIGIN}/api/v2/tickets/${t.id}.json`,
    ...t,
    via: structuredClone(t.via),
    tags: [...t.tags],
    collaborator_ids: [...t.collaborator_ids],
    follower_ids: [...t.follower_ids],
    email_cc_ids: [...t.email_cc_ids],
    sharing_agreement_ids: [...t.sharing_agreement_ids],
    followup_ids: [...t.followup_ids],
    custom_fields: fields,
    fields: fields.map((f) => ({ ...f, value: Array.isArray(f.value) ? [...f.value] : f.value })),
    generated_timestamp: Math.floor(Date.parse(t.updated_at) / 1000),
  };
}

export const auditJson = (audit) => structuredClone(audit);

/** A ticket's comments are the Comment events of its audits. @param {any[]} audits */
export function commentsOf(audits) {
  const comments = [];
  for (const audit of audits) {
    for (const event of audit.events) {
      if (event.type !== 'Comment') continue;
      comments.push({
        id: event.id,
        type: 'Comment',
        author_id: event.author_id,
        body: event.body,
        html_body: event.html_body,
        plain_body: event.plain_body,
        public: event.public,
        attachments: [],
        audit_id: audit.id,
        via: structuredClone(audit.via),
        created_at: audit.created_at,
        metadata: structuredClone(audit.metadata),
      });
    }
  }
  return comments;
}
