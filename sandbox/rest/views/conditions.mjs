/** View conditions ({field, operator, value}) as Zendesk's Conditions reference defines them, for tickets. */
import { STATUSES } from '../tickets/model.mjs';
import { parseTags } from '../tickets/tags.mjs';

const ID_FIELDS = { group_id: 'group_id', assignee_id: 'assignee_id', requester_id: 'requester_id', ticket_form_id: 'ticket_form_id', organization_id: 'organization_id' };
const SCALAR_FIELDS = { status: 'status', priority: 'priority', type: 'type' };
export const REQUIRED_ANY_OF = ['status', 'type', 'group_id', 'assignee_id', 'requester_id'];

/** @returns {string|null} why the condition is invalid */
export function conditionError(condition) {
  const { field, operator } = condition ?? {};
  if (typeof field !== 'string' || typeof operator !== 'string') return 'Conditions need field and operator';
  if (field === 'current_tags') return ['includes', 'not_includes'].includes(operator) ? null : `Operator ${operator} is not valid for current_tags`;
  if (field in ID_FIELDS) return ['is', 'is_not'].includes(operator) ? null : `Operator ${operator} is not valid for ${field}`;
  if (field in SCALAR_FIELDS) return ['is', 'is_not', 'less_than', 'greater_than'].includes(operator) ? null : `Operator ${operator} is not valid for ${field}`;
  if (/^custom_fields_\d+$/.test(field)) return ['is', 'is_not', 'present', 'not_present', 'includes', 'not_includes'].includes(operator) ? null : `Operator ${operator} is not valid for ${field}`;
  return `Condition field ${field} is not supported`;
}

function idValue(value, currentUserId) {
  if (value === 'current_user') return currentUserId;
  if (value === '' || value === null || value === undefined) return null;
  return Number(value);
}

/** @param {any} ticket @param {{field: string, operator: string, value?: any}} c @param {number} currentUserId */
export function conditionHolds(ticket, c, currentUserId) {
  const { field, operator, value } = c;
  if (field === 'current_tags') {
    const wanted = parseTags(value);
    const has = wanted.some((t) => ticket.tags.includes(t));
    return operator === 'includes' ? has : !has;
  }
  if (field in ID_FIELDS) {
    const equal = ticket[ID_FIELDS[field]] === idValue(value, currentUserId);
    return operator === 'is' ? equal : !equal;
  }
  if (field in SCALAR_FIELDS) {
    const actual = ticket[SCALAR_FIELDS[field]];
    if (field === 'status' && (operator === 'less_than' || operator === 'greater_than')) {
      const diff = STATUSES.indexOf(actual) - STATUSES.indexOf(value);
      return operator === 'less_than' ? diff < 0 : diff > 0;
    }
    return operator === 'is' ? actual === value : actual !== value;
  }
  const id = Number(field.slice('custom_fields_'.length));
  const current = ticket.custom_fields.find((f) => f.id === id)?.value ?? null;
  const present = current !== null && current !== '' && !(Array.isArray(current) && current.length === 0);
  switch (operator) {
    case 'present': return present;
    case 'not_present': return !present;
    case 'includes': return Array.isArray(current) ? current.includes(value) : current === value;
    case 'not_includes': return Array.isArray(current) ? !current.includes(value) : current !== value;
    case 'is': return String(current ?? '') === String(value ?? '');
    default: return String(current ?? '') !== String(value ?? '');
  }
}

/** @param {any} ticket @param {{all: any[], any: any[]}} conditions @param {number} currentUserId */
export function viewMatches(ticket, conditions, currentUserId) {
  const all = conditions.all ?? [];
  const any = conditions.any ?? [];
  return all.every((c) => conditionHolds(ticket, c, currentUserId)) && (any.length === 0 || any.some((c) => conditionHolds(ticket, c, currentUserId)));
}
