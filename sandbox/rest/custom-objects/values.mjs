/** Validating and normalizing custom object record field values, by field type. */

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function lookupTargetExists(state, target, id) {
  if (target === 'zen:ticket') return !!state.tickets[Number(id)];
  if (target === 'zen:user') return !!state.users[Number(id)];
  if (target.startsWith('zen:custom_object:')) return (state.customObjectRecords[target.slice(18)] ?? []).some((r) => r.id === String(id));
  return true;
}

/**
 * @returns {{value: unknown} | {error: string}}
 */
function normalize(state, field, raw) {
  if (raw === null || raw === undefined || raw === '') return { value: null };
  const bad = (why) => ({ error: `${field.title}: ${why}` });
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'regexp':
      if (typeof raw !== 'string') return bad('must be text');
      if (field.regexp_for_validation && !new RegExp(field.regexp_for_validation).test(raw)) return bad('does not match the expected format');
      return { value: raw };
    case 'integer': {
      const n = Number(raw);
      return typeof raw !== 'boolean' && Number.isInteger(n) ? { value: n } : bad(`${raw} is not an integer`);
    }
    case 'decimal': {
      const n = Number(raw);
      return typeof raw !== 'boolean' && Number.isFinite(n) ? { value: n } : bad(`${raw} is not a number`);
    }
    case 'checkbox':
      if (raw === true || raw === 'true') return { value: true };
      if (raw === false || raw === 'false') return { value: false };
      return bad(`${raw} is not true or false`);
    case 'date':
      return typeof raw === 'string' && DATE_RE.test(raw) && !Number.isNaN(Date.parse(raw)) ? { value: raw } : bad(`${raw} is not a date (YYYY-MM-DD)`);
    case 'dropdown':
      return field.custom_field_options.some((o) => o.value === raw) ? { value: raw } : bad(`${raw} is not a valid option`);
    case 'multiselect': {
      const list = Array.isArray(raw) ? raw : [raw];
      const unknown = list.find((v) => !field.custom_field_options.some((o) => o.value === v));
      return unknown === undefined ? { value: list } : bad(`${unknown} is not a valid option`);
    }
    case 'lookup':
      if (!['string', 'number'].includes(typeof raw)) return bad('must be a record id');
      return lookupTargetExists(state, field.relationship_target_type, raw) ? { value: String(raw) } : bad(`${raw} does not exist`);
    default:
      return { value: raw };
  }
}

/**
 * @param {any} state @param {any[]} fields the object's field definitions @param {Record<string, unknown>} input
 * @returns {{values: Record<string, unknown>, details: Record<string, Array<{description: string, error: string}>>}}
 */
export function normalizeRecordFields(state, fields, input) {
  const values = {};
  const details = {};
  for (const [key, raw] of Object.entries(input ?? {})) {
    const field = fields.find((f) => f.key === key);
    if (!field) {
      details[key] = [{ description: `${key} is not a field of this object`, error: 'InvalidValue' }];
      continue;
    }
    const result = normalize(state, field, raw);
    if ('error' in result) details[key] = [{ description: result.error, error: 'InvalidValue' }];
    else values[key] = result.value;
  }
  return { values, details };
}
