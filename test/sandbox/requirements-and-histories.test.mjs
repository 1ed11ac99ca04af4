/**
 * What installing the app creates (requirements.json ticket fields, with the fixed id the settings
 * point at), and generated tickets whose audits are written when first read.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requiredTicketFields } from '../../sandbox/fixtures/custom-objects.mjs';
import { createEmulator } from '../../sandbox/rest/index.mjs';
import { fakeClock, makeEmulator, tempDir } from './helpers.mjs';

describe('the ticket fields requirements.json declares', () => {
  it('the index field exists once, as 9000005 with the declared title and type, outside every form; demo tickets leave it empty', async () => {
    const { agent } = makeEmulator();
    const fields = (await agent('GET', '/api/v2/ticket_fields')).body.ticket_fields;
    const declared = requiredTicketFields().find((f) => f.key === 'consultoria_indice');
    const matching = fields.filter((f) => f.title === declared.title);
    expect(matching.map((f) => [f.id, f.type])).toEqual([[9000005, 'text']]);
    expect((await agent('GET', '/api/v2/ticket_fields/9000005')).body.ticket_field.description).toBe(declared.description);
    for (const form of (await agent('GET', '/api/v2/ticket_forms')).body.ticket_forms) expect(form.ticket_field_ids).not.toContain(9000005);
    expect((await agent('GET', '/__sandbox/config')).body.settings.indice_field_id).toBe('9000005');
    for (const id of [101, 102, 103, 104, 105]) {
      const { ticket } = (await agent('GET', `/api/v2/tickets/${id}`)).body;
      expect(ticket.custom_fields.find((f) => f.id === 9000005)).toEqual({ id: 9000005, value: null });
    }
  });

  it('reads ticket_fields from a requirements.json (in order; none when absent)', () => {
    const dir = tempDir();
    const file = path.join(dir, 'requirements.json');
    writeFileSync(file, JSON.stringify({ ticket_fields: { consultoria_indice: { type: 'text', title: 'Índice' }, outro: { type: 'integer', title: 'Outro', description: 'd' } } }));
    expect(requiredTicketFields(file)).toEqual([
      { key: 'consultoria_indice', type: 'text', title: 'Índice', description: '' },
      { key: 'outro', type: 'integer', title: 'Outro', description: 'd' },
    ]);
    writeFileSync(file, JSON.stringify({ custom_objects_v2: { objects: [], object_fields: [] } }));
    expect(requiredTicketFields(file)).toEqual([]);
    writeFileSync(file, JSON.stringify({ ticket_fields: { x: { title: 'no type' } } }));
    expect(() => requiredTicketFields(file)).toThrow(/ticket field x needs a type/);
  });
});

describe('generated ticket histories', () => {
  const now = fakeClock(Date.parse('2026-03-02T16:00:00Z'));
  /** @type {ReturnType<typeof makeEmulator>} */
  let first;
  beforeAll(() => {
    first = makeEmulator({ fixtures: 'big', now });
  });

  it('are the same audits, with the same ids, whether read before or after a restart', async () => {
    const saved = JSON.parse(JSON.stringify(first.emulator.state)); // what the state file holds
    const audits = (await first.admin('GET', '/api/v2/tickets/10042/audits')).body.audits;
    expect(audits.length).toBeGreaterThan(1);
    expect(audits[0].events.map((e) => e.type)).toContain('Create');
    const restarted = createEmulator({ state: saved, now });
    const again = await restarted.handle({ method: 'GET', url: '/api/v2/tickets/10042/audits', headers: { 'X-Sandbox-User-Id': '2201' } });
    expect(again.body.audits).toEqual(audits);
    const comments = (await first.admin('GET', '/api/v2/tickets/10043/comments')).body.comments;
    expect(comments[0].body).toMatch(/Chamado gerado para a carga de teste/);
  });

  it('an update of a generated ticket is audited after its history, with a new id', async () => {
    const { admin, emulator } = first;
    const pending = Object.keys(emulator.state.deferredHistories).length;
    const put = await admin('PUT', '/api/v2/tickets/10007', { ticket: { comment: { body: 'Retorno do cliente', public: false } } });
    expect(put.status).toBe(200);
    const audits = (await admin('GET', '/api/v2/tickets/10007/audits')).body.audits;
    expect(audits.at(-1).id).toBe(put.body.audit.id);
    expect(audits.slice(0, -1).every((a) => a.id < put.body.audit.id && a.created_at <= put.body.audit.created_at)).toBe(true);
    expect(emulator.state.deferredHistories[10007]).toBeUndefined();
    expect(Object.keys(emulator.state.deferredHistories)).toHaveLength(pending - 1);
  });
});
