/**
 * Custom objects (v2) and their fields, created either through the API or from a
 * requirements.json-like declaration: createCustomObject(state, key, {title, fields: [{key, type, title, …}]}).
 */
import { nextId } from '../ids.mjs';
import { iso } from '../time.mjs';

export const FIELD_TYPES = ['text', 'textarea', 'checkbox', 'date', 'integer', 'decimal', 'regexp', 'dropdown', 'lookup', 'multiselect'];
export const LOOKUP_TARGETS = /^(zen:ticket|zen:user|zen:organization|zen:custom_object:[a-z0-9_]+)$/;

/** @returns {string|null} why this field definition is invalid */
export function fieldDefinitionError(state, objectKey, def) {
  if (typeof def?.key !== 'string' || !/^[a-z0-9_]+$/i.test(def.key)) return 'Key: must be letters, numbers and underscores';
  if ((state.customObjectFields[objectKey] ?? []).some((f) => f.key === def.key)) return `Key: ${def.key} has already been taken`;
  const type = def.type ?? 'text';
  if (!FIELD_TYPES.includes(type)) return `Type: ${type} is not a valid field type`;
  if (typeof def.title !== 'string' || !def.title.trim()) return 'Title: cannot be blank';
  if ((type === 'dropdown' || type === 'multiselect') && !(Array.isArray(def.custom_field_options) && def.custom_field_options.length)) {
    return 'Custom field options: a dropdown needs at least one option';
  }
  if (type === 'lookup' && !LOOKUP_TARGETS.test(def.relationship_target_type ?? '')) return 'Relationship target type: is invalid';
  return null;
}

/** @param {any} state @param {string} objectKey @param {any} def @param {number} nowMs */
export function addField(state, objectKey, def, nowMs) {
  const fields = (state.customObjectFields[objectKey] ??= []);
  const stamp = iso(nowMs);
  const type = def.type ?? 'text';
  const field = {
    id: nextId(state),
    key: def.key,
    type,
    title: def.title,
    raw_title: def.title,
    description: def.description ?? '',
    raw_description: def.description ?? '',
    position: fields.length,
    active: def.active !== false,
    system: false,
    regexp_for_validation: def.regexp_for_validation ?? null,
    created_at: stamp,
    updated_at: stamp,
  };
  if (type === 'dropdown' || type === 'multiselect') {
    field.custom_field_options = def.custom_field_options.map((o, i) => ({ id: nextId(state), name: o.name, raw_name: o.name, value: o.value, position: i }));
  }
  if (type === 'lookup') {
    field.relationship_target_type = def.relationship_target_type;
    field.relationship_filter = def.relationship_filter ?? {};
  }
  fields.push(field);
  return field;
}

/**
 * @param {any} state @param {string} key
 * @param {{title: string, title_pluralized?: string, description?: string, fields?: any[]}} declaration
 * @param {{nowMs: number, userId: number}} options
 */
export function createCustomObject(state, key, declaration, { nowMs, userId }) {
  const stamp = iso(nowMs);
  const object = {
    key,
    title: declaration.title,
    raw_title: declaration.title,
    title_pluralized: declaration.title_pluralized ?? declaration.title,
    raw_title_pluralized: declaration.title_pluralized ?? declaration.title,
    description: declaration.description ?? '',
    raw_description: declaration.description ?? '',
    include_in_list_view: declaration.include_in_list_view ?? true,
    allows_photos: false,
    allows_attachments: false,
    created_by_user_id: String(userId),
    updated_by_user_id: String(userId),
    created_at: stamp,
    updated_at: stamp,
  };
  state.customObjects[key] = object;
  state.customObjectFields[key] = [];
  state.customObjectRecords[key] = [];
  for (const def of declaration.fields ?? []) {
    const problem = fieldDefinitionError(state, key, def);
    if (problem) throw new Error(`custom object ${key}, field ${def?.key}: ${problem}`);
    addField(state, key, def, nowMs);
  }
  return object;
}
