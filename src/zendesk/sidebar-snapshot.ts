import * as v from 'valibot';
import type { Settings } from '../procedure/settings';
import type { CurrentUser, TicketSnapshot, UserRole } from '../procedure/ticket';
import { ZendeskError } from './errors';
import { orEmpty } from './field-text';
import type { Zendesk } from './zaf-client';

const id = v.pipe(v.union([v.number(), v.pipe(v.string(), v.regex(/^\d+$/))]), v.transform(Number));
const nullableText = orEmpty<string | null>(v.string(), null);
const userRef = v.nullish(v.object({ id, name: orEmpty(v.string(), ''), email: v.optional(nullableText), locale: v.optional(nullableText) }));
const fieldValue = v.pipe(
  v.nullish(v.union([v.string(), v.number(), v.boolean()])),
  v.transform((value) => (value === undefined || value === null || value === '' ? null : String(value))),
);

function toRole(role: string): UserRole {
  return role === 'admin' || role === 'agent' || role === 'end-user' ? role : 'other';
}

/** ZAF's `currentUser` → CurrentUser; the sidebar and the dashboard read it alike. */
export const currentUserSchema: v.GenericSchema<unknown, CurrentUser> = v.pipe(
  v.object({
    id,
    name: orEmpty(v.string(), ''),
    role: orEmpty(v.string(), 'agent'),
    locale: orEmpty(v.string(), 'pt-BR'),
    groups: orEmpty(v.array(v.object({ id })), []),
  }),
  v.transform((u): CurrentUser => ({ id: u.id, name: u.name, role: toRole(u.role), locale: u.locale, groupIds: u.groups.map((g) => g.id) })),
);

/** ZAF paths of the batched get, each with the schema its answer must have. */
const ticketPaths = {
  id: ['ticket.id', id],
  subject: ['ticket.subject', orEmpty(v.string(), '')],
  status: ['ticket.status', orEmpty(v.string(), 'new')],
  tags: ['ticket.tags', orEmpty(v.array(v.string()), [])],
  via: ['ticket.via', v.nullish(v.object({ channel: v.pipe(v.union([v.string(), v.number()]), v.transform(String)) }))],
  requester: ['ticket.requester', userRef],
  assignee: ['ticket.assignee', v.nullish(v.object({ user: userRef, group: v.nullish(v.object({ id })) }))],
  form: ['ticket.form', v.nullish(v.object({ id: v.nullish(id) }))],
  updatedAt: ['ticket.updatedAt', nullableText],
  currentUser: ['currentUser', currentUserSchema],
} as const;

export const customFieldPath = (fieldId: number) => `ticket.customField:custom_field_${fieldId}`;
const requesterFieldPath = (key: string) => `ticket.requester.customField:${key}`;
/** The module field's options, to show "Faturamento" rather than its tag "modulo_faturamento". */
const fieldOptionsPath = (fieldId: number) => `ticketFields:custom_field_${fieldId}.optionValues`;
const optionValues = v.array(v.object({ name: v.string(), value: v.string() }));

/** Custom ticket fields the sidebar reads, from the settings that name them. */
function customFieldIds(settings: Settings): number[] {
  const ids = [settings.data_controle_field_id, settings.tipo_solicitacao_field_id, settings.modulo_field_id, settings.data_modulo_field_id];
  return [...new Set(ids.filter((v): v is number => v !== null))];
}

export interface SidebarData {
  ticket: TicketSnapshot;
  user: CurrentUser;
  /** The module's display name (its option's name), or its raw value. */
  moduleName: string | null;
  /** Paths Zendesk refused (a field id that does not exist, …), to explain to the admin. */
  missingPaths: string[];
}

/** Everything the sidebar needs, in ONE batched ZAF `get`. */
export async function loadSidebarData(zendesk: Zendesk, settings: Settings): Promise<SidebarData> {
  const fieldIds = customFieldIds(settings);
  const mayContractKey = settings.permite_consultoria_field_key;
  const paths = [
    ...Object.values(ticketPaths).map(([path]) => path),
    ...fieldIds.map(customFieldPath),
    ...(mayContractKey ? [requesterFieldPath(mayContractKey)] : []),
    ...(settings.modulo_field_id ? [fieldOptionsPath(settings.modulo_field_id)] : []),
  ];
  const { values, errors } = await zendesk.get(paths);

  const read = <T>(path: string, schema: v.GenericSchema<unknown, T>): T => {
    const parsed = v.safeParse(schema, values[path]);
    if (!parsed.success) throw new ZendeskError('malformed', `ZAF get: ${path} has an unexpected shape`, { detail: path });
    return parsed.output;
  };
  /** A custom field Zendesk refused reads as empty; the refusal is reported via missingPaths. */
  const readField = (path: string) => (errors[path] ? null : read(path, fieldValue));
  const p = ticketPaths;
  const moduleOptions = settings.modulo_field_id && !errors[fieldOptionsPath(settings.modulo_field_id)] ? v.safeParse(optionValues, values[fieldOptionsPath(settings.modulo_field_id)]) : null;
  const user = read(p.currentUser[0], p.currentUser[1]);
  const assignee = read(p.assignee[0], p.assignee[1]);
  const requester = read(p.requester[0], p.requester[1]);

  const ticket: TicketSnapshot = {
    id: read(p.id[0], p.id[1]),
    subject: read(p.subject[0], p.subject[1]),
    status: read(p.status[0], p.status[1]),
    tags: read(p.tags[0], p.tags[1]),
    viaChannel: read(p.via[0], p.via[1])?.channel ?? 'unknown',
    requester: requester ? { id: requester.id, name: requester.name, email: requester.email ?? null, locale: requester.locale ?? null } : null,
    assignee: { userId: assignee?.user?.id ?? null, groupId: assignee?.group?.id ?? null },
    formId: read(p.form[0], p.form[1])?.id ?? null,
    fields: Object.fromEntries(fieldIds.map((fid) => [fid, readField(customFieldPath(fid))])),
    requesterMayContract: mayContractKey ? readField(requesterFieldPath(mayContractKey)) : null,
    updatedAt: read(p.updatedAt[0], p.updatedAt[1]),
  };
  const moduleValue = settings.modulo_field_id ? (ticket.fields[settings.modulo_field_id] ?? null) : null;
  const moduleName = moduleOptions?.success ? (moduleOptions.output.find((o) => o.value === moduleValue)?.name ?? moduleValue) : moduleValue;
  return { ticket, user, moduleName, missingPaths: Object.keys(errors) };
}
