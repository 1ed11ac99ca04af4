/** Custom objects (v2) and custom object fields endpoints. Reading: agents; writing: admins only. */
import { ACCOUNT_ORIGIN } from '../context.mjs';
import { paginate } from '../pagination.mjs';
import { requireAdmin, requireAgent } from '../permissions.mjs';
import { created, fail, invalidField, json, noContent, notFound } from '../responses.mjs';
import { iso } from '../time.mjs';
import { addField, createCustomObject, fieldDefinitionError } from './declare.mjs';

export const objectJson = (o) => ({ url: `${ACCOUNT_ORIGIN}/api/v2/custom_objects/${o.key}.json`, ...structuredClone(o) });

const fieldJson = (key) => (f) => ({ url: `${ACCOUNT_ORIGIN}/api/v2/custom_objects/${key}/fields/${f.id}.json`, ...structuredClone(f) });

/** The standard fields Zendesk adds with include_standard_fields=true. */
function standardFields(object) {
  const base = { active: true, system: true, description: '', raw_description: '', regexp_for_validation: null, created_at: object.created_at, updated_at: object.updated_at };
  return [
    { id: 1, key: 'standard::name', type: 'text', title: 'Name', raw_title: 'Name', position: 0, ...base },
    { id: 2, key: 'standard::external_id', type: 'text', title: 'External id', raw_title: 'External id', position: 1, ...base },
  ];
}

export function findObject(ctx, key = ctx.params.key) {
  const object = ctx.state.customObjects[key];
  if (!object) throw fail(notFound());
  return object;
}

function createObject(ctx) {
  requireAdmin(ctx);
  const input = ctx.body?.custom_object ?? {};
  if (typeof input.key !== 'string' || !/^[a-z][a-z0-9_]*$/.test(input.key)) throw invalidField('key', 'Key: must start with a letter and use lowercase letters, numbers and underscores');
  if (ctx.state.customObjects[input.key]) throw invalidField('key', 'Key: has already been taken', 'DuplicateValue');
  if (typeof input.title !== 'string' || !input.title.trim()) throw invalidField('title', 'Title: cannot be blank', 'BlankValue');
  const object = createCustomObject(ctx.state, input.key, { title: input.title, title_pluralized: input.title_pluralized, description: input.description }, { nowMs: ctx.now(), userId: ctx.userId });
  ctx.touch();
  return created({ custom_object: objectJson(object) });
}

function deleteObject(ctx) {
  requireAdmin(ctx);
  const object = findObject(ctx);
  delete ctx.state.customObjects[object.key];
  delete ctx.state.customObjectFields[object.key];
  delete ctx.state.customObjectRecords[object.key];
  ctx.touch();
  return noContent();
}

function listFields(ctx) {
  requireAgent(ctx);
  const object = findObject(ctx);
  const fields = ctx.state.customObjectFields[object.key];
  const all = ctx.query.get('include_standard_fields') === 'true' ? [...standardFields(object), ...fields] : fields;
  return json(paginate(ctx, all, { resource: 'custom_object_fields', map: fieldJson(object.key) }));
}

function findField(ctx, object) {
  const id = ctx.params.field;
  const field = ctx.state.customObjectFields[object.key].find((f) => f.key === id || String(f.id) === id);
  if (!field) throw fail(notFound());
  return field;
}

function createField(ctx) {
  requireAdmin(ctx);
  const object = findObject(ctx);
  const def = ctx.body?.custom_object_field ?? {};
  const problem = fieldDefinitionError(ctx.state, object.key, def);
  if (problem) throw invalidField(problem.split(':')[0].toLowerCase().replace(/ /g, '_'), problem);
  const field = addField(ctx.state, object.key, def, ctx.now());
  object.updated_at = iso(ctx.now());
  ctx.touch();
  return created({ custom_object_field: fieldJson(object.key)(field) });
}

function deleteField(ctx) {
  requireAdmin(ctx);
  const object = findObject(ctx);
  const field = findField(ctx, object);
  const fields = ctx.state.customObjectFields[object.key];
  fields.splice(fields.indexOf(field), 1);
  for (const record of ctx.state.customObjectRecords[object.key]) delete record.custom_object_fields[field.key];
  ctx.touch();
  return noContent();
}

export const customObjectRoutes = [
  ['GET', '/api/v2/custom_objects', (ctx) => (requireAgent(ctx), json({ custom_objects: Object.values(ctx.state.customObjects).map(objectJson) }))],
  ['POST', '/api/v2/custom_objects', createObject],
  ['GET', '/api/v2/custom_objects/:key', (ctx) => (requireAgent(ctx), json({ custom_object: objectJson(findObject(ctx)) }))],
  ['DELETE', '/api/v2/custom_objects/:key', deleteObject],
  ['GET', '/api/v2/custom_objects/:key/fields', listFields],
  ['POST', '/api/v2/custom_objects/:key/fields', createField],
  ['GET', '/api/v2/custom_objects/:key/fields/:field', (ctx) => (requireAgent(ctx), json({ custom_object_field: fieldJson(ctx.params.key)(findField(ctx, findObject(ctx))) }))],
  ['DELETE', '/api/v2/custom_objects/:key/fields/:field', deleteField],
];
