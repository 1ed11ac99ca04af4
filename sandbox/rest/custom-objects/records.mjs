/**
 * Custom object records: list (cursor only), show, create, update, upsert by external_id
 * (PATCH …/records?external_id=), delete (by id or external_id), search, filtered search, count.
 * Records are agents' business; `external_id` is unique per object, so an upsert never duplicates.
 */
import { ACCOUNT_ORIGIN } from '../context.mjs';
import { ulid } from '../ids.mjs';
import { cursorPage } from '../pagination.mjs';
import { requireAgent } from '../permissions.mjs';
import { badRequest, created, fail, invalidField, json, noContent, notFound, recordInvalid } from '../responses.mjs';
import { iso } from '../time.mjs';
import { matchesFilter, matchesQuery } from './filter.mjs';
import { findObject } from './objects.mjs';
import { normalizeRecordFields } from './values.mjs';

function recordJson(ctx, key, r) {
  const fields = {};
  for (const f of ctx.state.customObjectFields[key] ?? []) fields[f.key] = structuredClone(r.custom_object_fields[f.key] ?? null);
  return { url: `${ACCOUNT_ORIGIN}/api/v2/custom_objects/${key}/records/${r.id}.json`, ...structuredClone(r), custom_object_fields: fields };
}

function context(ctx) {
  requireAgent(ctx);
  const object = findObject(ctx);
  return { object, records: ctx.state.customObjectRecords[object.key], fields: ctx.state.customObjectFields[object.key] };
}

function recordInput(ctx) {
  const input = ctx.body?.custom_object_record;
  if (!input || typeof input !== 'object') throw fail(badRequest('ParameterMissing', 'param is missing or the value is empty: custom_object_record'));
  return input;
}

/** Applies name / external_id / custom_object_fields from `input` to `record` (created when null). */
function write(ctx, { object, records, fields }, record, input) {
  const { values, details } = normalizeRecordFields(ctx.state, fields, input.custom_object_fields);
  const name = input.name ?? record?.name;
  if (typeof name !== 'string' || !name.trim()) details.name = [{ description: 'Name: cannot be blank', error: 'BlankValue' }];
  const externalId = input.external_id !== undefined ? input.external_id : record?.external_id ?? null;
  if (externalId !== null && records.some((r) => r !== record && r.external_id === String(externalId))) {
    details.external_id = [{ description: 'External id: has already been taken', error: 'DuplicateValue' }];
  }
  if (Object.keys(details).length) throw fail(recordInvalid(details));
  const stamp = iso(ctx.now());
  const target = record ?? { id: ulid(ctx.state, ctx.now()), custom_object_key: object.key, custom_object_fields: {}, created_by_user_id: String(ctx.userId), created_at: stamp, photo: null };
  Object.assign(target, { name, external_id: externalId === null ? null : String(externalId), updated_by_user_id: String(ctx.userId), updated_at: stamp });
  Object.assign(target.custom_object_fields, values);
  if (!record) records.push(target);
  ctx.touch();
  return target;
}

function findRecord(records, id) {
  const record = records.find((r) => r.id === id);
  if (!record) throw fail(notFound());
  return record;
}

/** The record an upsert/delete addresses: `external_id` or `name` (which Zendesk allows only for unique names). */
function byExternalIdOrName(ctx, records) {
  const externalId = ctx.query.get('external_id');
  const name = ctx.query.get('name');
  if (externalId !== null && name !== null) throw fail(badRequest('InvalidParameter', 'external_id and name cannot be used together'));
  if (externalId === null && name === null) throw fail(badRequest('ParameterMissing', 'external_id or name is required'));
  if (name !== null) throw invalidField('name', 'Name: the name field of this object is not unique, so records cannot be addressed by name');
  return { externalId, record: records.find((r) => r.external_id === externalId) ?? null };
}

const SORTS = { id: (r) => r.id, updated_at: (r) => `${r.updated_at}|${r.id}`, created_at: (r) => `${r.created_at}|${r.id}`, name: (r) => `${r.name}|${r.id}` };

/**
 * Cursor pages in the order asked. Records are kept in id order, so the default order pages the list
 * as it is, keyed by id (10 000 records, 100 pages: no sort, no copy); any other order is sorted and
 * keyed by the position in it.
 */
function page(ctx, key, list) {
  const sort = ctx.query.get('sort') ?? 'id';
  const by = SORTS[sort.replace(/^-/, '')] ?? SORTS.id;
  const options = { resource: 'custom_object_records', extra: { count: list.length } };
  const toJson = (record) => recordJson(ctx, key, record);
  const before = (a, b) => (by(a) < by(b) ? -1 : by(a) > by(b) ? 1 : 0);
  const inOrder = list.every((record, i) => i === 0 || before(list[i - 1], record) <= 0);
  if (by === SORTS.id && !sort.startsWith('-') && inOrder) return json(cursorPage(ctx, list, { ...options, key: (r) => r.id, map: toJson }));
  const sorted = inOrder ? [...list] : [...list].sort(before);
  if (sort.startsWith('-')) sorted.reverse();
  const rows = sorted.map((record, position) => ({ record, position }));
  return json(cursorPage(ctx, rows, { ...options, key: (r) => r.position, map: (row) => toJson(row.record) }));
}

function list(ctx) {
  const { object, records } = context(ctx);
  const ids = ctx.query.get('filter[ids]')?.split(',');
  const externalIds = ctx.query.get('filter[external_ids]')?.split(',');
  const chosen = records.filter((r) => (!ids || ids.includes(r.id)) && (!externalIds || externalIds.includes(r.external_id)));
  return page(ctx, object.key, chosen);
}

function search(ctx) {
  const { object, records, fields } = context(ctx);
  const query = ctx.query.get('query') ?? '';
  const filter = ctx.method === 'POST' ? ctx.body?.filter : undefined;
  return page(ctx, object.key, records.filter((r) => matchesQuery(r, fields, query) && matchesFilter(r, filter)));
}

function upsert(ctx) {
  const c = context(ctx);
  const input = recordInput(ctx);
  const { externalId, record } = byExternalIdOrName(ctx, c.records);
  const saved = write(ctx, c, record, { ...input, external_id: externalId });
  return json({ custom_object_record: recordJson(ctx, c.object.key, saved) });
}

function removeWhere(ctx, records, record) {
  records.splice(records.indexOf(record), 1);
  ctx.touch();
  return noContent();
}

export const recordRoutes = [
  ['GET', '/api/v2/custom_objects/:key/records', list],
  ['POST', '/api/v2/custom_objects/:key/records', (ctx) => {
    const c = context(ctx);
    return created({ custom_object_record: recordJson(ctx, c.object.key, write(ctx, c, null, recordInput(ctx))) });
  }],
  ['PATCH', '/api/v2/custom_objects/:key/records', upsert],
  ['DELETE', '/api/v2/custom_objects/:key/records', (ctx) => {
    const { records } = context(ctx);
    const { record } = byExternalIdOrName(ctx, records);
    if (!record) throw fail(notFound());
    return removeWhere(ctx, records, record);
  }],
  ['GET', '/api/v2/custom_objects/:key/records/search', search],
  ['POST', '/api/v2/custom_objects/:key/records/search', search],
  ['GET', '/api/v2/custom_objects/:key/records/count', (ctx) => {
    const { records } = context(ctx);
    return json({ count: { refreshed_at: iso(ctx.now()), value: records.length } });
  }],
  ['GET', '/api/v2/custom_objects/:key/records/:id', (ctx) => {
    const { object, records } = context(ctx);
    return json({ custom_object_record: recordJson(ctx, object.key, findRecord(records, ctx.params.id)) });
  }],
  ['PATCH', '/api/v2/custom_objects/:key/records/:id', (ctx) => {
    const c = context(ctx);
    const record = findRecord(c.records, ctx.params.id);
    return json({ custom_object_record: recordJson(ctx, c.object.key, write(ctx, c, record, recordInput(ctx))) });
  }],
  ['DELETE', '/api/v2/custom_objects/:key/records/:id', (ctx) => {
    const { records } = context(ctx);
    return removeWhere(ctx, records, findRecord(records, ctx.params.id));
  }],
];
