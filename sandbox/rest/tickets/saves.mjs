/**
 * A generated save applied to a ticket: the changes PUT /tickets/{id} makes for the same body, and the
 * events it writes for them (update.mjs: a Change per property — status, assignee_id, tags as arrays,
 * custom fields by id — then one AgentMacroReference per macro), without the request's validation and
 * defensive copies. Only what generated histories send is supported: status, assignee_id,
 * additional_tags, remove_tags, custom_fields and macro_ids.
 */
import { CUSTOM_STATUS_IDS, customFields, via } from './model.mjs';
import { setTaggerValue } from './tags.mjs';

const SUPPORTED = new Set(['status', 'assignee_id', 'additional_tags', 'remove_tags', 'custom_fields', 'macro_ids']);
const writers = new WeakMap();

/**
 * @param {any} state
 * @returns {(ticket: any, input: Record<string, any>, options: {record: boolean}) => object[]} the events (none when
 *   nothing changed; always none when `record` is false — building the state alone is cheaper)
 */
export function saveWriter(state) {
  const cached = writers.get(state);
  if (cached) return cached;
  const fields = new Map(customFields(state).map((f) => [f.id, f]));
  const macros = new Map(state.macros.map((m) => [m.id, m]));

  const write = (ticket, input, { record }) => {
    for (const key of Object.keys(input)) if (!SUPPORTED.has(key)) throw new Error(`a generated save cannot send ${key}`);
    const events = [];
    const change = (field_name, value, previous_value) => {
      if (record) events.push({ type: 'Change', field_name, value, previous_value });
    };
    if (input.status !== undefined && input.status !== ticket.status) {
      change('status', input.status, ticket.status);
      ticket.status = input.status;
      ticket.custom_status_id = CUSTOM_STATUS_IDS[input.status];
    }
    if (input.assignee_id !== undefined && input.assignee_id !== ticket.assignee_id) {
      change('assignee_id', String(input.assignee_id), ticket.assignee_id === null ? null : String(ticket.assignee_id));
      ticket.assignee_id = input.assignee_id;
    }
    const before = ticket.tags;
    const tags = [...before];
    for (const tag of input.additional_tags ?? []) if (!tags.includes(tag)) tags.push(tag);
    const fieldChanges = [];
    for (const { id, value } of input.custom_fields ?? []) {
      const field = fields.get(Number(id));
      if (!field) throw new Error(`a generated save sets ticket field ${id}, which does not exist`);
      if (field.type === 'tagger') setTaggerValue(tags, field, value);
      const previous = ticket.custom_fields.find((f) => f.id === field.id).value;
      if (previous !== value) fieldChanges.push([field.id, value, previous]);
    }
    const removed = new Set(input.remove_tags ?? []);
    const after = tags.filter((t) => !removed.has(t));
    if (after.length !== before.length || after.some((t) => !before.includes(t))) {
      change('tags', [...after], [...before]);
      ticket.tags = after;
    }
    if (fieldChanges.length) {
      const values = new Map(fieldChanges.map(([id, value]) => [id, value]));
      ticket.custom_fields = ticket.custom_fields.map((f) => (values.has(f.id) ? { id: f.id, value: values.get(f.id) } : f));
      for (const [id, value, previous] of fieldChanges) change(String(id), value, previous);
    }
    for (const id of input.macro_ids ?? []) {
      const macro = macros.get(Number(id));
      if (!macro) throw new Error(`a generated save applies macro ${id}, which does not exist`);
      if (record) events.push({ type: 'AgentMacroReference', macro_id: String(macro.id), macro_title: macro.title, macro_deleted: false, via: via('web') });
    }
    return events;
  };
  writers.set(state, write);
  return write;
}

/** The most ids one save can use: its audit, status, assignee, tags, every custom field, its macros. */
export const idsPerSave = (customFieldCount, input) => 4 + customFieldCount + (input.macro_ids?.length ?? 0);
