import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../scripts/package-rules/requirements.mjs';
import { cleanupTempDirs, editJson, makeGoodApp, writeFile } from './helpers/fixture-app.mjs';

afterEach(cleanupTempDirs);

/** @param {(r: any) => void} edit */
function problemsAfter(edit) {
  const dir = makeGoodApp();
  editJson(dir, 'requirements.json', edit);
  return check(dir);
}

/** Zendesk's validator (zendesk_apps_support ≥ 4.48.0, custom_objects_v2/constants.rb): 20 fields, 5 dropdowns, 5 multiselects, 10 triggers per object. */
const addTextFields = (r, n) => {
  for (let i = 0; i < n; i++) r.custom_objects_v2.object_fields.push({ key: `f${i}`, title: `F${i}`, type: 'text', object_key: 'apontamento' });
};
const addSelectionFields = (r, type, n) => {
  for (let i = 0; i < n; i++) r.custom_objects_v2.object_fields.push({ key: `${type}${i}`, title: `${type} ${i}`, type, object_key: 'apontamento', custom_field_options: [{ name: 'A', value: 'a' }] });
};
const addTriggers = (r, n) => {
  r.custom_objects_v2.object_triggers = Array.from({ length: n }, (_, i) => ({ object_key: 'apontamento', title: `T${i}`, actions: [{ field: 'x', value: 'y' }], conditions: { all: [{ field: 'x', operator: 'is', value: 'y' }] } }));
};

describe('requirements.json rules', () => {
  it('accept the good package, and a package without requirements.json', () => {
    const dir = makeGoodApp();
    expect(check(dir)).toEqual([]);
    rmSync(join(dir, 'requirements.json'));
    expect(check(dir)).toEqual([]);
  });

  it('accept Zendesk’s limits exactly: 20 fields with 5 dropdowns and 5 multiselects on one object, 10 triggers', () => {
    const dir = makeGoodApp();
    editJson(dir, 'requirements.json', (r) => {
      addSelectionFields(r, 'dropdown', 4); // the good package has one dropdown already
      addSelectionFields(r, 'multiselect', 5);
      addTextFields(r, 20 - r.custom_objects_v2.object_fields.length);
      addTriggers(r, 10);
    });
    expect(check(dir)).toEqual([]);
  });

  it('refuse invalid JSON and duplicate keys', () => {
    const dir = makeGoodApp();
    writeFile(dir, 'requirements.json', '{"ticket_fields": ');
    expect(check(dir)[0]).toMatch(/^requirements\.json: not valid JSON: .* \[requirements\/json\]$/);
    writeFile(dir, 'requirements.json', '{"ticket_fields": {"a": {"title": "A", "type": "text"}, "a": {"title": "B", "type": "text"}}}');
    expect(check(dir)).toEqual(['requirements.ticket_fields.a: key appears twice; Zendesk refuses duplicate keys [requirements/json]']);
  });

  /** @type {[string, (r: any) => void, string | RegExp][]} */
  const cases = [
    ['an unknown resource type', (r) => { r.custom_resources = {}; }, /^requirements\.custom_resources: unknown resource type; use one of automations, .* \[requirements\/types\]$/],
    ['a ticket field without title', (r) => { delete r.ticket_fields.data_controle.title; }, 'requirements.ticket_fields.data_controle.title: missing [requirements/fields]'],
    ['a user field without key', (r) => { r.user_fields = { permite: { type: 'checkbox', title: 'Permite Consultoria' } }; }, 'requirements.user_fields.permite.key: missing [requirements/fields]'],
    ['a webhook without endpoint', (r) => { r.webhooks = { w: { name: 'W', status: 'active', http_method: 'POST', request_format: 'json' } }; }, 'requirements.webhooks.w.endpoint: missing [requirements/fields]'],
    ['two channel integrations', (r) => { r.channel_integrations = { a: { manifest_url: 'https://a' }, b: { manifest_url: 'https://b' } }; }, 'requirements.channel_integrations: declares more than one channel integration [requirements/fields]'],
    ['an http_target', (r) => { r.targets = { t: { title: 'T', type: 'http_target' } }; }, 'requirements.targets.t.type: "http_target" targets are no longer accepted; use a webhook [requirements/fields]'],
    ['a legacy custom object without schema', (r) => { r.custom_objects = { custom_object_types: [{ key: 'x' }] }; }, 'requirements.custom_objects.custom_object_types[0].schema: missing [requirements/custom-objects]'],
    ['custom_objects_v2 that is not an object', (r) => { r.custom_objects_v2 = []; }, 'requirements.custom_objects_v2: must be an object with objects, object_fields, object_triggers arrays [requirements/custom-objects-v2]'],
    ['an empty custom_objects_v2', (r) => { r.custom_objects_v2 = { objects: [] }; }, 'requirements.custom_objects_v2: declares nothing [requirements/custom-objects-v2]'],
    ['an object without title_pluralized', (r) => { delete r.custom_objects_v2.objects[0].title_pluralized; }, 'requirements.custom_objects_v2.objects[0].title_pluralized: missing [requirements/custom-objects-v2]'],
    ['a field type "money"', (r) => { r.custom_objects_v2.object_fields[0].type = 'money'; }, 'requirements.custom_objects_v2.object_fields[0].type: "money" is not one of text, textarea, checkbox, date, integer, decimal, regexp, dropdown, multiselect, lookup [requirements/custom-objects-v2]'],
    ['a field of an undeclared object', (r) => { r.custom_objects_v2.object_fields[0].object_key = 'ticket_log'; }, 'requirements.custom_objects_v2.object_fields[0].object_key: "ticket_log" is not declared in custom_objects_v2.objects [requirements/custom-objects-v2]'],
    ['a dropdown without options', (r) => { delete r.custom_objects_v2.object_fields[1].custom_field_options; }, 'requirements.custom_objects_v2.object_fields[1].custom_field_options: a dropdown field needs options [requirements/custom-objects-v2]'],
    ['a lookup without target type', (r) => { r.custom_objects_v2.object_fields.push({ key: 'ticket', title: 'Ticket', type: 'lookup', object_key: 'apontamento' }); }, 'requirements.custom_objects_v2.object_fields[2].relationship_target_type: a lookup field needs its target type [requirements/custom-objects-v2]'],
    ['21 fields on one object', (r) => { addTextFields(r, 19); }, 'requirements.custom_objects_v2.object_fields: 21 fields for "apontamento"; the limit is 20 [requirements/custom-objects-v2]'],
    ['6 dropdown fields on one object', (r) => { addSelectionFields(r, 'dropdown', 5); }, 'requirements.custom_objects_v2.object_fields: 6 dropdown fields for "apontamento"; the limit is 5 [requirements/custom-objects-v2]'],
    ['6 multiselect fields on one object', (r) => { addSelectionFields(r, 'multiselect', 6); }, 'requirements.custom_objects_v2.object_fields: 6 multiselect fields for "apontamento"; the limit is 5 [requirements/custom-objects-v2]'],
    ['11 triggers on one object', (r) => { addTriggers(r, 11); }, 'requirements.custom_objects_v2.object_triggers: 11 triggers for "apontamento"; the limit is 10 [requirements/custom-objects-v2]'],
    ['a trigger without conditions', (r) => { r.custom_objects_v2.object_triggers = [{ object_key: 'apontamento', title: 'T', actions: [{ field: 'x', value: 'y' }], conditions: { all: [] } }]; }, 'requirements.custom_objects_v2.object_triggers[0].conditions: has no condition [requirements/custom-objects-v2]'],
  ];

  it.each(cases)('refuse %s', (_name, edit, expected) => {
    const problems = problemsAfter(edit);
    if (typeof expected === 'string') expect(problems).toContain(expected);
    else expect(problems.some((l) => expected.test(l)), problems.join('\n')).toBe(true);
  });
});
