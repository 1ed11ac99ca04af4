import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { customObjectDeclarations, requirementsDigest } from '../../sandbox/fixtures/custom-objects.mjs';
import { startSandbox } from '../../sandbox/rest/http/start.mjs';
import { httpAs, makeEmulator } from './helpers.mjs';

const RECORDS = '/api/v2/custom_objects/consultoria_apontamento/records';
const apontamento = (fields, name = 'Apontamento') => ({ custom_object_record: { name, custom_object_fields: fields } });

describe('custom objects (v2)', () => {
  it('creates at reset exactly the objects and fields the app declares in requirements.json', async () => {
    const { agent } = makeEmulator();
    const requirements = JSON.parse(readFileSync(new URL('../../requirements.json', import.meta.url), 'utf8')).custom_objects_v2;
    const objects = (await agent('GET', '/api/v2/custom_objects')).body.custom_objects;
    expect(objects.map((o) => [o.key, o.title, o.title_pluralized])).toEqual(requirements.objects.map((o) => [o.key, o.title, o.title_pluralized]));
    for (const object of requirements.objects) {
      const fields = (await agent('GET', `/api/v2/custom_objects/${object.key}/fields`)).body.custom_object_fields;
      const declared = requirements.object_fields.filter((f) => f.object_key === object.key);
      expect(fields.map((f) => [f.key, f.type, f.title, f.relationship_target_type ?? null, f.custom_field_options?.map((o) => o.value) ?? null, f.regexp_for_validation]))
        .toEqual(declared.map((f) => [f.key, f.type, f.title, f.relationship_target_type ?? null, f.custom_field_options?.map((o) => o.value) ?? null, f.regexp_for_validation ?? null]));
    }
  });

  it('reads the declarations from a requirements.json file (objects, fields, and a field of an undeclared object)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'requirements-'));
    try {
      const file = path.join(dir, 'requirements.json');
      expect(customObjectDeclarations(file)).toEqual({});
      const v2 = { objects: [{ key: 'nota', title: 'Nota', title_pluralized: 'Notas', include_in_list_view: false }], object_fields: [{ object_key: 'nota', key: 'valor', title: 'Valor', type: 'decimal' }] };
      writeFileSync(file, JSON.stringify({ custom_objects_v2: v2 }));
      expect(customObjectDeclarations(file)).toEqual({ nota: { title: 'Nota', title_pluralized: 'Notas', description: undefined, include_in_list_view: false, fields: [{ key: 'valor', type: 'decimal', title: 'Valor' }] } });
      const digest = requirementsDigest(file);
      v2.object_fields.push({ object_key: 'outra', key: 'x', title: 'X', type: 'text' });
      writeFileSync(file, JSON.stringify({ custom_objects_v2: v2 }));
      expect(requirementsDigest(file)).not.toBe(digest);
      expect(() => customObjectDeclarations(file)).toThrow(/x belongs to outra/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a saved sandbox state from another requirements.json is set aside at start, as stale', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-state-'));
    const stateFile = path.join(dir, 'state.json');
    const start = (fresh) => startSandbox({ hostPort: 0, appPort: 0, hostDir: path.join(dir, 'no-host'), appDir: path.join(dir, 'no-app'), stateFile, fresh });
    try {
      let sandbox = await start(true);
      await httpAs(sandbox.hostOrigin, 2001)('PATCH', `${RECORDS}?external_id=kept`, apontamento({ ticket: '102', minutes: 5 }));
      await sandbox.close();
      sandbox = await start(false);
      const count = async () => (await (await httpAs(sandbox.hostOrigin, 2001)('GET', RECORDS)).json()).custom_object_records.length;
      expect(await count()).toBe(1);
      await sandbox.close();
      writeFileSync(stateFile, JSON.stringify({ ...JSON.parse(readFileSync(stateFile, 'utf8')), requirements: 'an-older-requirements-json' }));
      sandbox = await start(false);
      expect(await count()).toBe(0);
      await sandbox.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('upsert by external_id creates once, then updates the same record — never a duplicate', async () => {
    const { agent } = makeEmulator();
    const url = `${RECORDS}?external_id=102-s1`;
    const [a, b] = await Promise.all([
      agent('PATCH', url, apontamento({ ticket: '102', minutes: 15, channel: 'phone', faturavel: true, start: '2026-03-02T13:00:00.000Z' })),
      agent('PATCH', url, apontamento({ ticket: 102, minutes: 20 })),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body.custom_object_record.id).toBe(a.body.custom_object_record.id);
    const third = await agent('PATCH', url, { custom_object_record: { custom_object_fields: { aceita: 'nao_repasse' } } });
    expect(third.body.custom_object_record).toMatchObject({
      external_id: '102-s1',
      name: 'Apontamento',
      custom_object_key: 'consultoria_apontamento',
      custom_object_fields: { ticket: '102', minutes: 20, channel: 'phone', faturavel: true, start: '2026-03-02T13:00:00.000Z', aceita: 'nao_repasse', outcome: null },
    });
    const list = (await agent('GET', `${RECORDS}?filter[external_ids]=102-s1`)).body;
    expect(list.custom_object_records).toHaveLength(1);
    expect((await agent('GET', RECORDS)).body.custom_object_records).toHaveLength(1);
    const duplicate = await agent('POST', RECORDS, { custom_object_record: { name: 'x', external_id: '102-s1' } });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.details.external_id[0].error).toBe('DuplicateValue');
  });

  it('validates record values by field type (422 with details)', async () => {
    const { agent } = makeEmulator();
    const res = await agent('POST', RECORDS, apontamento({ ticket: '999', minutes: 'dez', channel: 'fax', faturavel: 'sim', start: '2026-03-02 10:00', nope: 1 }, ''));
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.details).sort()).toEqual(['channel', 'faturavel', 'minutes', 'name', 'nope', 'start', 'ticket']);
  });

  it('shows, updates, deletes, counts and pages records (cursor)', async () => {
    const { agent } = makeEmulator();
    const created = [];
    for (let i = 1; i <= 5; i += 1) created.push((await agent('POST', RECORDS, apontamento({ minutes: i * 10 }, `A${i}`))).body.custom_object_record);
    expect(created.every((r) => typeof r.id === 'string')).toBe(true);
    const id = created[0].id;
    expect((await agent('PATCH', `${RECORDS}/${id}`, { custom_object_record: { custom_object_fields: { minutes: 11 } } })).body.custom_object_record.custom_object_fields.minutes).toBe(11);
    expect((await agent('DELETE', `${RECORDS}/${created[1].id}`)).status).toBe(204);
    expect((await agent('GET', `${RECORDS}/${created[1].id}`)).status).toBe(404);
    expect((await agent('GET', `${RECORDS}/count`)).body.count.value).toBe(4);
    const seen = [];
    let url = `${RECORDS}?page[size]=3`;
    while (url) {
      const page = (await agent('GET', url)).body;
      seen.push(...page.custom_object_records.map((r) => r.name));
      url = page.meta.has_more ? page.links.next : null;
    }
    expect(seen).toEqual(['A1', 'A3', 'A4', 'A5']);
    expect((await agent('DELETE', `${RECORDS}?external_id=missing`)).status).toBe(404);
  });

  it('searches records by text and by filter', async () => {
    const { agent } = makeEmulator();
    await agent('PATCH', `${RECORDS}?external_id=a`, apontamento({ ticket: '101', minutes: 30, description: 'Análise da rotina MATA410', faturavel: true }));
    await agent('PATCH', `${RECORDS}?external_id=b`, apontamento({ ticket: '103', minutes: 5, description: 'Ligação curta', faturavel: false }));
    const byText = (await agent('GET', `${RECORDS}/search?query=mata41`)).body.custom_object_records;
    expect(byText.map((r) => r.external_id)).toEqual(['a']);
    const byFilter = await agent('POST', `${RECORDS}/search`, { filter: { $and: [{ 'custom_object_fields.ticket': { $eq: '103' } }, { 'custom_object_fields.minutes': { $lt: 10 } }] } });
    expect(byFilter.body.custom_object_records.map((r) => r.external_id)).toEqual(['b']);
    const badOp = await agent('POST', `${RECORDS}/search`, { filter: { 'custom_object_fields.minutes': { $near: 1 } } });
    expect(badOp.status).toBe(400);
  });

  it('only admins create objects and fields; agents may create records', async () => {
    const { agent, admin, endUser, emulator } = makeEmulator();
    const body = { custom_object: { key: 'nota', title: 'Nota', title_pluralized: 'Notas' } };
    expect((await agent('POST', '/api/v2/custom_objects', body)).status).toBe(403);
    expect((await admin('POST', '/api/v2/custom_objects', body)).status).toBe(201);
    expect((await admin('POST', '/api/v2/custom_objects', body)).status).toBe(422);
    const field = { custom_object_field: { key: 'valor', type: 'decimal', title: 'Valor' } };
    expect((await agent('POST', '/api/v2/custom_objects/nota/fields', field)).status).toBe(403);
    expect((await admin('POST', '/api/v2/custom_objects/nota/fields', field)).status).toBe(201);
    const record = await agent('POST', '/api/v2/custom_objects/nota/records', { custom_object_record: { name: 'n1', custom_object_fields: { valor: 12.5 } } });
    expect(record.body.custom_object_record.custom_object_fields).toEqual({ valor: 12.5 });
    expect((await endUser('GET', '/api/v2/custom_objects/nota/records')).status).toBe(403);
    emulator.createCustomObject('declarada', { title: 'Declarada', fields: [{ key: 'ticket', type: 'lookup', title: 'T', relationship_target_type: 'zen:ticket' }] });
    expect((await agent('GET', '/api/v2/custom_objects/declarada/fields/ticket')).body.custom_object_field.type).toBe('lookup');
  });
});
