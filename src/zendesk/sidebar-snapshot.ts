import * as z from 'zod/mini';
import type { Settings } from '../procedure/settings';
import type { CurrentUser, TicketSnapshot, UserRole } from '../procedure/ticket';
import { ZendeskError } from './errors';
import type { Zendesk } from './zaf-client';

const id = z.pipe(z.union([z.number(), z.string().check(z.regex(/^\d+$/))]), z.transform(Number));
const orEmpty = <T>(schema: z.ZodMiniType<T>, empty: T) => z.pipe(z.nullish(schema), z.transform((v): T => v ?? empty));
const nullableText = orEmpty<string | null>(z.string(), null);
const userRef = z.nullish(z.object({ id, name: orEmpty(z.string(), ''), email: z.optional(nullableText), locale: z.optional(nullableText) }));
const fieldValue = z.pipe(
  z.nullish(z.union([z.string(), z.number(), z.boolean()])),
  z.transform((v) => (v === undefined || v === null || v === '' ? null : String(v))),
);

function toRole(role: string): UserRole {
  return role === 'admin' || role === 'agent' || role === 'end-user' ? role : 'other';
}

/** ZAF's `currentUser` → CurrentUser; the sidebar and the dashboard read it alike. */
export const currentUserSchema: z.ZodMiniType<CurrentUser> = z.pipe(
  z.object({
    id,
    name: orEmpty(z.string(), ''),
    role: orEmpty(z.string(), 'agent'),
    locale: orEmpty(z.string(), 'pt-BR'),
    groups: orEmpty(z.array(z.object({ id })), []),
  }),
  z.transform((u): CurrentUser => ({ id: u.id, name: u.name, role: toRole(u.role), locale: u.locale, groupIds: u.groups.map((g) => g.id) })),
);

/** ZAF paths of the batched get, each with the schema its answer must have. */
const ticketPaths = {
  id: ['ticket.id', id],
  subject: ['ticket.subject', orEmpty(z.string(), '')],
  status: ['ticket.status', orEmpty(z.string(), 'new')],
  tags: ['ticket.tags', orEmpty(z.array(z.string()), [])],
  via: ['ticket.via', z.nullish(z.object({ channel: z.pipe(z.union([z.string(), z.number()]), z.transform(String)) }))],
  requester: ['ticket.requester', userRef],
  assignee: ['ticket.assignee', z.nullish(z.object({ user: userRef, group: z.nullish(z.object({ id })) }))],
  form: ['ticket.form', z.nullish(z.object({ id: z.nullish(id) }))],
  updatedAt: ['ticket.updatedAt', nullableText],
  currentUser: ['currentUser', currentUserSchema],
} as const;

export const customFieldPath = (fieldId: number) => `ticket.customField:custom_field_${fieldId}`;
const requesterFieldPath = (key: string) => `ticket.requester.customField:${key}`;
/** The module field's options, to show "Faturamento" rather than its tag "modulo_faturamento". */
const fieldOptionsPath = (fieldId: number) => `ticketFields:custom_field_${fieldId}.optionValues`;
const optionValues = z.array(z.object({ name: z.string(), value: z.string() }));

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

  const read = <T>(path: string, schema: z.ZodMiniType<T>): T => {
    const parsed = schema.safeParse(values[path]);
    if (!parsed.success) throw new ZendeskError('malformed', `ZAF get: ${path} has an unexpected shape`, { detail: path });
    return parsed.data;
  };
  /** A custom field Zendesk refused reads as empty; the refusal is reported via missingPaths. */
  const readField = (path: string) => (errors[path] ? null : read(path, fieldValue));
  const p = ticketPaths;
  const moduleOptions = settings.modulo_field_id && !errors[fieldOptionsPath(settings.modulo_field_id)] ? optionValues.safeParse(values[fieldOptionsPath(settings.modulo_field_id)]) : null;
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
  const moduleName = moduleOptions?.success ? (moduleOptions.data.find((o) => o.value === moduleValue)?.name ?? moduleValue) : moduleValue;
  return { ticket, user, moduleName, missingPaths: Object.keys(errors) };
}
