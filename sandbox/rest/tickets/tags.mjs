/**
 * Tags as Zendesk keeps them, and the link between tags and tagger (dropdown) fields:
 * a tagger field's value is also a ticket tag; adding an option's tag sets the field; removing the
 * tag of the current value clears it; setting the field swaps its old option tag for the new one.
 */

/** Zendesk splits on whitespace/commas and lowercases. @param {unknown} input */
export function parseTags(input) {
  if (input === null || input === undefined) return [];
  const list = Array.isArray(input) ? input : String(input).split(/[\s,]+/);
  return list.flatMap((t) => String(t).split(/[\s,]+/)).map((t) => t.trim().toLowerCase()).filter((t) => t !== '');
}

/** @param {string[]} tags */
export const uniqueTags = (tags) => [...new Set(parseTags(tags))];

/**
 * `tags` replaces the list; `additional_tags` adds; `remove_tags` removes.
 * @param {string[]} current @param {{tags?: unknown, additional_tags?: unknown, remove_tags?: unknown}} input
 */
export function applyTagInput(current, input) {
  let tags = input.tags !== undefined ? uniqueTags(parseTags(input.tags)) : [...current];
  if (input.additional_tags !== undefined) tags = uniqueTags([...tags, ...parseTags(input.additional_tags)]);
  if (input.remove_tags !== undefined) {
    const removed = new Set(parseTags(input.remove_tags));
    tags = tags.filter((t) => !removed.has(t));
  }
  return tags;
}

const optionValues = (field) => (field.custom_field_options ?? []).map((o) => o.value);

/**
 * Brings tagger values in line with a tag change (before → after), in place.
 * @param {Map<number, unknown>} values field id → value
 * @param {string[]} before @param {string[]} after (mutated: a newly added option drops its sibling options)
 * @param {any[]} taggers
 */
export function syncTaggersWithTags(values, before, after, taggers) {
  const had = new Set(before);
  const added = after.filter((t) => !had.has(t));
  for (const field of taggers) {
    const options = optionValues(field);
    const current = values.get(field.id);
    const newlyAdded = added.filter((t) => options.includes(t));
    if (newlyAdded.length > 0) {
      const chosen = newlyAdded[newlyAdded.length - 1];
      values.set(field.id, chosen);
      removeAll(after, options.filter((o) => o !== chosen));
    } else if (current && !after.includes(String(current))) {
      values.set(field.id, null);
    }
  }
}

/** Sets a tagger field: its other option tags leave the ticket, the new one joins. */
export function setTaggerValue(tags, field, value) {
  removeAll(tags, optionValues(field));
  if (value) tags.push(String(value));
}

function removeAll(tags, unwanted) {
  const drop = new Set(unwanted);
  for (let i = tags.length - 1; i >= 0; i -= 1) if (drop.has(tags[i])) tags.splice(i, 1);
}
