import { describe, expect, it } from 'vitest';
import { makeEmulator } from './helpers.mjs';

const ABERTURA = 7001;
const REGISTRO = 7002;
const webVia = { channel: 'web', source: { from: {}, to: {}, rel: null } };

describe('PUT /api/v2/tickets/{id} with macro_ids', () => {
  it('adds one AgentMacroReference event per macro to the audit, after the changes', async () => {
    const { agent } = makeEmulator();
    const res = await agent('PUT', '/api/v2/tickets/102.json', {
      ticket: { additional_tags: ['consultoria_termo_enviado'], comment: { body: 'Termo enviado.' }, macro_ids: [ABERTURA, REGISTRO, ABERTURA] },
    });
    expect(res.status).toBe(200);
    const events = res.body.audit.events;
    expect(events.map((e) => e.type)).toEqual(['Comment', 'Change', 'AgentMacroReference', 'AgentMacroReference']);
    const refs = events.filter((e) => e.type === 'AgentMacroReference');
    expect(refs).toEqual([
      { id: expect.any(Number), type: 'AgentMacroReference', macro_id: String(ABERTURA), macro_title: 'CONSULTORIA :: Abertura de ticket Consultoria Técnica', macro_deleted: false, via: webVia },
      { id: expect.any(Number), type: 'AgentMacroReference', macro_id: String(REGISTRO), macro_title: 'CONSULTORIA :: Registro de atendimento', macro_deleted: false, via: webVia },
    ]);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const stored = (await agent('GET', '/api/v2/tickets/102/audits.json')).body.audits.at(-1);
    expect(stored.events).toEqual(events);
  });

  it('writes an audit for macro_ids alone, and none without them when nothing changed', async () => {
    const { agent } = makeEmulator();
    const unchanged = await agent('PUT', '/api/v2/tickets/104', { ticket: { status: 'open' } });
    expect(unchanged.body.audit).toBeUndefined();
    const res = await agent('PUT', '/api/v2/tickets/104', { ticket: { status: 'open', macro_ids: [REGISTRO] } });
    expect(res.body.audit.events).toEqual([expect.objectContaining({ type: 'AgentMacroReference', macro_id: String(REGISTRO) })]);
  });

  it('refuses an unknown macro id or a non-array with 422 and changes nothing', async () => {
    const { agent } = makeEmulator();
    const before = (await agent('GET', '/api/v2/tickets/102/audits')).body.audits.length;
    const unknown = await agent('PUT', '/api/v2/tickets/102', { ticket: { subject: 'x', macro_ids: [999999] } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.details.macro_ids[0].description).toContain('999999');
    const notArray = await agent('PUT', '/api/v2/tickets/102', { ticket: { macro_ids: ABERTURA } });
    expect(notArray.status).toBe(422);
    expect((await agent('GET', '/api/v2/tickets/102')).body.ticket.subject).not.toBe('x');
    expect((await agent('GET', '/api/v2/tickets/102/audits')).body.audits).toHaveLength(before);
  });
});
