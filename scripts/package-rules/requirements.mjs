// requirements.json rules (only when the file is present). Sources: developer.zendesk.com
// "Specifying app requirements" (AR) and zendesk_apps_support validations/requirements.rb and
// validations/custom_objects_v2/* (ZAS), plus the Custom Object Fields API for field types (COF).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonStrict } from '../lib/strict-json.mjs';
import { isPlainObject, show, violation } from '../lib/violation.mjs';

/** @type {Record<string, import('../lib/violation.mjs').RuleInfo>} */
export const RULES = {
  'requirements/json': { summary: 'requirements.json is a JSON object without duplicate keys', source: 'ZAS requirements_not_json, duplicate_requirements' },
  'requirements/types': { summary: 'only known top-level resource types', source: 'AR "Supported resource types"; ZAS AppRequirement::TYPES' },
  'requirements/fields': { summary: 'each resource has its required fields (title; key for user/org fields; webhook name/status/endpoint/http_method/request_format; one channel integration with manifest_url); no http_target/url_target_v2 targets', source: 'ZAS missing_required_fields, invalid_webhooks, multiple_channel_integrations, invalid_target_types' },
  'requirements/count': { summary: 'at most 5000 requirements, 50 legacy custom objects', source: 'ZAS MAX_REQUIREMENTS, MAX_CUSTOM_OBJECTS_REQUIREMENTS' },
  'requirements/custom-objects': { summary: 'legacy custom_objects: custom_object_types (key, schema), relationship types (key, source, target)', source: 'ZAS invalid_custom_objects' },
  'requirements/custom-objects-v2': { summary: 'custom_objects_v2: objects/object_fields/object_triggers arrays, required keys, known field types, references and limits', source: 'ZAS validations/custom_objects_v2 (schema, limits, references); COF field types' },
};

export const REQUIREMENT_TYPES = ['automations', 'channel_integrations', 'custom_objects', 'macros', 'targets', 'views', 'ticket_fields',
  'triggers', 'user_fields', 'organization_fields', 'webhooks', 'custom_objects_v2'];
export const CUSTOM_OBJECT_FIELD_TYPES = ['text', 'textarea', 'checkbox', 'date', 'integer', 'decimal', 'regexp', 'dropdown', 'multiselect', 'lookup'];
const MAX_REQUIREMENTS = 5000;
const MAX_LEGACY_CUSTOM_OBJECTS = 50;
// ZAS validations/custom_objects_v2/constants.rb since zendesk_apps_support 4.48.0 (commit ad24a43, PR #421):
// 20 fields per object (was 10) and 10 triggers per object (was 20); 5 dropdown and 5 multiselect fields per object.
const V2 = { maxObjects: 50, maxFieldsPerObject: 20, maxSelectionFieldsPerObject: 5, maxOptionsPerField: 10, maxTriggersPerObject: 10, maxConditions: 50, maxActions: 25, maxBytes: 1048576 };

/**
 * @param {string} dir
 * @returns {string[]}
 */
export function check(dir) {
  const path = join(dir, 'requirements.json');
  if (!existsSync(path)) return [];
  const parsed = parseJsonStrict(readFileSync(path, 'utf8'));
  if (!parsed.ok) return [violation('requirements/json', 'requirements.json', `not valid JSON: ${parsed.error}`)];
  if (!isPlainObject(parsed.value)) return [violation('requirements/json', 'requirements.json', 'must be a JSON object')];
  const r = parsed.value;
  const out = parsed.duplicateKeys.map((k) => violation('requirements/json', `requirements.${k}`, 'key appears twice; Zendesk refuses duplicate keys'));

  let count = 0;
  for (const [type, resources] of Object.entries(r)) {
    const at = `requirements.${type}`;
    if (!REQUIREMENT_TYPES.includes(type)) {
      out.push(violation('requirements/types', at, `unknown resource type; use one of ${REQUIREMENT_TYPES.join(', ')}`));
      continue;
    }
    if (type === 'custom_objects_v2') {
      out.push(...checkCustomObjectsV2(resources));
      continue;
    }
    if (!isPlainObject(resources)) {
      out.push(violation('requirements/types', at, 'must be an object of identifier → resource'));
      continue;
    }
    count += type === 'custom_objects' ? 0 : Object.keys(resources).length;
    if (type === 'custom_objects') {
      out.push(...checkLegacyCustomObjects(resources));
      continue;
    }
    if (type === 'channel_integrations' && Object.keys(resources).length > 1) {
      out.push(violation('requirements/fields', at, 'declares more than one channel integration'));
    }
    for (const [id, resource] of Object.entries(resources)) {
      const rat = `${at}.${id}`;
      if (!isPlainObject(resource)) {
        out.push(violation('requirements/fields', rat, 'must be an object'));
        continue;
      }
      for (const key of requiredKeys(type)) {
        if (resource[key] === undefined) out.push(violation('requirements/fields', `${rat}.${key}`, 'missing'));
      }
      if (type === 'targets' && ['http_target', 'url_target_v2'].includes(/** @type {string} */ (resource.type))) {
        out.push(violation('requirements/fields', `${rat}.type`, `${show(resource.type)} targets are no longer accepted; use a webhook`));
      }
    }
  }
  if (count > MAX_REQUIREMENTS) out.push(violation('requirements/count', 'requirements.json', `${count} requirements; the limit is ${MAX_REQUIREMENTS}`));
  return out;
}

/** @param {string} type */
function requiredKeys(type) {
  if (type === 'channel_integrations') return ['manifest_url'];
  if (type === 'webhooks') return ['name', 'status', 'endpoint', 'http_method', 'request_format'];
  if (type === 'user_fields' || type === 'organization_fields') return ['title', 'key'];
  return ['title'];
}

/** @param {Record<string, unknown>} co */
function checkLegacyCustomObjects(co) {
  const out = [];
  const schema = { custom_object_types: ['key', 'schema'], custom_object_relationship_types: ['key', 'source', 'target'] };
  if (co.custom_object_types === undefined) out.push(violation('requirements/custom-objects', 'requirements.custom_objects.custom_object_types', 'missing'));
  let total = 0;
  for (const [key, list] of Object.entries(co)) {
    const wanted = /** @type {Record<string, string[]>} */ (schema)[key];
    if (!wanted) {
      out.push(violation('requirements/custom-objects', `requirements.custom_objects.${key}`, 'unknown key; use custom_object_types or custom_object_relationship_types'));
      continue;
    }
    if (!Array.isArray(list)) {
      out.push(violation('requirements/custom-objects', `requirements.custom_objects.${key}`, 'must be an array'));
      continue;
    }
    total += list.length;
    list.forEach((item, i) => {
      for (const k of wanted) if (!isPlainObject(item) || item[k] === undefined) out.push(violation('requirements/custom-objects', `requirements.custom_objects.${key}[${i}].${k}`, 'missing'));
    });
  }
  if (total > MAX_LEGACY_CUSTOM_OBJECTS) out.push(violation('requirements/count', 'requirements.custom_objects', `${total} entries; the limit is ${MAX_LEGACY_CUSTOM_OBJECTS}`));
  return out;
}

/** @param {unknown} v2 */
function checkCustomObjectsV2(v2) {
  const rule = 'requirements/custom-objects-v2';
  const at = 'requirements.custom_objects_v2';
  if (!isPlainObject(v2)) return [violation(rule, at, 'must be an object with objects, object_fields, object_triggers arrays')];
  const out = [];
  for (const key of Object.keys(v2)) {
    if (!['objects', 'object_fields', 'object_triggers'].includes(key)) out.push(violation(rule, `${at}.${key}`, 'unknown key; use objects, object_fields, object_triggers'));
  }
  /** @type {Record<string, Record<string, unknown>[]>} */
  const lists = {};
  for (const key of ['objects', 'object_fields', 'object_triggers']) {
    const list = v2[key];
    if (list !== undefined && !Array.isArray(list)) out.push(violation(rule, `${at}.${key}`, 'must be an array'));
    lists[key] = Array.isArray(list) ? list.filter(isPlainObject) : [];
    if (Array.isArray(list)) list.forEach((item, i) => { if (!isPlainObject(item)) out.push(violation(rule, `${at}.${key}[${i}]`, 'must be an object')); });
  }
  const { objects, object_fields: fields, object_triggers: triggers } = lists;
  if (objects.length + fields.length + triggers.length === 0) return [...out, violation(rule, at, 'declares nothing')];
  if (JSON.stringify(v2).length > V2.maxBytes) out.push(violation(rule, at, 'is larger than 1 MB'));
  if (objects.length > V2.maxObjects) out.push(violation(rule, `${at}.objects`, `${objects.length} objects; the limit is ${V2.maxObjects}`));

  const requireKeys = (/** @type {Record<string, unknown>} */ item, /** @type {string[]} */ keys, /** @type {string} */ where) => {
    for (const k of keys) if (item[k] === undefined) out.push(violation(rule, `${where}.${k}`, 'missing'));
  };
  objects.forEach((o, i) => requireKeys(o, ['key', 'title', 'title_pluralized', 'include_in_list_view'], `${at}.objects[${i}]`));
  /** @type {Set<unknown>} */
  const objectKeys = new Set(objects.map((o) => o.key).filter((k) => typeof k === 'string'));

  /** @type {Map<unknown, Record<string, unknown>[]>} */
  const fieldsByObject = new Map();
  fields.forEach((f, i) => {
    const where = `${at}.object_fields[${i}]`;
    requireKeys(f, ['key', 'title', 'type', 'object_key'], where);
    if (f.type !== undefined && !CUSTOM_OBJECT_FIELD_TYPES.includes(/** @type {string} */ (f.type))) {
      out.push(violation(rule, `${where}.type`, `${show(f.type)} is not one of ${CUSTOM_OBJECT_FIELD_TYPES.join(', ')}`));
    }
    if (f.object_key !== undefined && !objectKeys.has(f.object_key)) out.push(violation(rule, `${where}.object_key`, `${show(f.object_key)} is not declared in custom_objects_v2.objects`));
    if ((f.type === 'dropdown' || f.type === 'multiselect')) {
      const options = f.custom_field_options;
      if (!Array.isArray(options) || options.length === 0) out.push(violation(rule, `${where}.custom_field_options`, `a ${f.type} field needs options`));
      else if (options.length > V2.maxOptionsPerField) out.push(violation(rule, `${where}.custom_field_options`, `${options.length} options; the limit is ${V2.maxOptionsPerField}`));
    }
    if (f.type === 'lookup' && typeof f.relationship_target_type !== 'string') out.push(violation(rule, `${where}.relationship_target_type`, 'a lookup field needs its target type'));
    fieldsByObject.set(f.object_key, [...(fieldsByObject.get(f.object_key) ?? []), f]);
  });
  for (const [objectKey, list] of fieldsByObject) {
    if (list.length > V2.maxFieldsPerObject) out.push(violation(rule, `${at}.object_fields`, `${list.length} fields for ${show(objectKey)}; the limit is ${V2.maxFieldsPerObject}`));
    for (const type of ['dropdown', 'multiselect']) {
      const n = list.filter((f) => f.type === type).length;
      if (n > V2.maxSelectionFieldsPerObject) out.push(violation(rule, `${at}.object_fields`, `${n} ${type} fields for ${show(objectKey)}; the limit is ${V2.maxSelectionFieldsPerObject}`));
    }
  }

  /** @type {Map<unknown, number>} */
  const triggersByObject = new Map();
  triggers.forEach((t, i) => {
    const where = `${at}.object_triggers[${i}]`;
    requireKeys(t, ['object_key', 'title', 'actions', 'conditions'], where);
    if (t.object_key !== undefined && !objectKeys.has(t.object_key)) out.push(violation(rule, `${where}.object_key`, `${show(t.object_key)} is not declared in custom_objects_v2.objects`));
    triggersByObject.set(t.object_key, (triggersByObject.get(t.object_key) ?? 0) + 1);
    if (t.actions !== undefined) {
      if (!Array.isArray(t.actions) || t.actions.length === 0) out.push(violation(rule, `${where}.actions`, 'must be a non-empty array'));
      else if (t.actions.length > V2.maxActions) out.push(violation(rule, `${where}.actions`, `${t.actions.length} actions; the limit is ${V2.maxActions}`));
    }
    if (t.conditions !== undefined) {
      const c = t.conditions;
      const ok = isPlainObject(c) && (c.all !== undefined || c.any !== undefined) && ['all', 'any'].every((k) => c[k] === undefined || Array.isArray(c[k]));
      if (!ok) out.push(violation(rule, `${where}.conditions`, 'must be {"all": [...]} and/or {"any": [...]}'));
      else {
        const n = ['all', 'any'].reduce((sum, k) => sum + (Array.isArray(c[k]) ? /** @type {unknown[]} */ (c[k]).length : 0), 0);
        if (n === 0) out.push(violation(rule, `${where}.conditions`, 'has no condition'));
        if (n > V2.maxConditions) out.push(violation(rule, `${where}.conditions`, `${n} conditions; the limit is ${V2.maxConditions}`));
      }
    }
  });
  for (const [objectKey, n] of triggersByObject) {
    if (n > V2.maxTriggersPerObject) out.push(violation(rule, `${at}.object_triggers`, `${n} triggers for ${show(objectKey)}; the limit is ${V2.maxTriggersPerObject}`));
  }
  return out;
}
