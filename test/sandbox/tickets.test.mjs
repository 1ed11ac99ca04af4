import { describe, expect, it } from 'vitest';
import { fakeClock, makeEmulator } from './helpers.mjs';

const TIPO = 9000001;
const MODULO = 9000003;
const fieldValue = (ticket, id) => ticket.custom_fields.find((f) => f.id === id).value;

describe('PUT /api/v2/tickets/{id}', () => {
  it('applies the changes and writes one audit with a Change per property and the Comment', async () => {
    const now = fakeClock();
    const { agent } = makeEmulator({ now });
    const before = (await agent('GET', '/api/v2/tickets/102.json')).body.ticket;
    now.advance(60_000);
    const res = await agent('PUT', '/api/v2/tickets/102.json', {
      ticket: { subject: '[CONSULT TÉCNICA] Erro ao transmitir NF-e pelo telefone', status: 'pending', comment: { body: 'Vamos ligar.', public: false } },
    });
    expect(res.status).toBe(200);
    const { ticket, audit } = res.body;
    expect(ticket.subject).toBe('[CONSULT TÉCNICA] Erro ao transmitir NF-e pelo telefone');
    expect(ticket.status).toBe('pending');
    expect(ticket.updated_at).toBe('2026-03-02T13:01:00Z');
    expect(ticket.updated_at).not.toBe(before.updated_at);
    expect(audit).toMatchObject({ ticket_id: 102, author_id: 2001, created_at: '2026-03-02T13:01:00Z', via: { channel: 'api' } });
    expect(audit.events).toEqual([
      expect.objectContaining({ type: 'Comment', body: 'Vamos ligar.', public: false, author_id: 2001, audit_id: audit.id }),
      expect.objectContaining({ type: 'Change', field_name: 'subject', value: ticket.subject, previous_value: before.subject }),
      expect.objectContaining({ type: 'Change', field_name: 'status', value: 'pending', previous_value: 'open' }),
    ]);
    const audits = (await agent('GET', '/api/v2/tickets/102/audits')).body.audits;
    expect(audits.map((a) => a.id)).toContain(audit.id);
    const comments = (await agent('GET', '/api/v2/tickets/102/comments')).body.comments;
    expect(comments.map((c) => c.body)).toEqual([before.description, 'Vamos ligar.']);
  });

  it('records ids as strings in Change events and moves a new ticket to open when assigned', async () => {
    const { agent } = makeEmulator();
    const { ticket, audit } = (await agent('PUT', '/api/v2/tickets/101', { ticket: { assignee_id: 2002 } })).body;
    expect(ticket).toMatchObject({ assignee_id: 2002, group_id: 5001, status: 'open' });
    expect(audit.events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field_name: 'assignee_id', value: '2002', previous_value: null }),
        expect.objectContaining({ field_name: 'group_id', value: '5001', previous_value: '5004' }),
        expect.objectContaining({ field_name: 'status', value: 'open', previous_value: 'new' }),
      ]),
    );
  });

  it('keeps tagger fields and tags consistent both ways', async () => {
    const { agent } = makeEmulator();
    let t = (await agent('PUT', '/api/v2/tickets/102', { ticket: { custom_fields: [{ id: TIPO, value: 'tipo_consultoria_tecnica' }, { id: MODULO, value: 'modulo_estoque' }] } })).body.ticket;
    expect(t.tags).toEqual(expect.arrayContaining(['tipo_consultoria_tecnica', 'modulo_estoque']));
    expect(t.tags).not.toContain('modulo_fiscal');
    t = (await agent('PUT', '/api/v2/tickets/102', { ticket: { remove_tags: ['tipo_consultoria_tecnica'] } })).body.ticket;
    expect(fieldValue(t, TIPO)).toBeNull();
    t = (await agent('PUT', '/api/v2/tickets/102', { ticket: { additional_tags: 'tipo_erro consultoria_aceite' } })).body.ticket;
    expect(fieldValue(t, TIPO)).toBe('tipo_erro');
    t = (await agent('PUT', '/api/v2/tickets/102', { ticket: { additional_tags: ['modulo_financeiro'] } })).body.ticket;
    expect(fieldValue(t, MODULO)).toBe('modulo_financeiro');
    expect(t.tags).not.toContain('modulo_estoque');
    t = (await agent('PUT', '/api/v2/tickets/102', { ticket: { tags: ['consultoria_aceite'] } })).body.ticket;
    expect(t.tags).toEqual(['consultoria_aceite']);
    expect(fieldValue(t, TIPO)).toBeNull();
    expect(fieldValue(t, MODULO)).toBeNull();
  });

  it('escapes a plain body and sanitizes an html_body', async () => {
    const { agent } = makeEmulator();
    const plain = (await agent('PUT', '/api/v2/tickets/104', { ticket: { comment: { body: '<img src=x onerror=alert(1)> & "ok"' } } })).body.audit.events[0];
    expect(plain.body).toBe('<img src=x onerror=alert(1)> & "ok"');
    expect(plain.html_body).toBe('<div class="zd-comment"><p>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;ok&quot;</p></div>');
    const html = (await agent('PUT', '/api/v2/tickets/104', {
      ticket: { comment: { html_body: '<p onclick="steal()">Oi <a href="javascript:alert(1)">x</a><script>alert(2)</script><b>fim</b></p>' } },
    })).body.audit.events[0];
    expect(html.html_body).toBe('<p>Oi <a>x</a><b>fim</b></p>');
    expect(html.body).toBe('Oi xfim');
  });

  it('answers 409 UpdateConflict to a safe_update with a stale updated_stamp, even within one second', async () => {
    const now = fakeClock();
    const { agent } = makeEmulator({ now });
    const stamp = (await agent('GET', '/api/v2/tickets/105')).body.ticket.updated_at;
    const first = await agent('PUT', '/api/v2/tickets/105', { ticket: { status: 'pending', safe_update: true, updated_stamp: stamp } });
    expect(first.status).toBe(200);
    const second = await agent('PUT', '/api/v2/tickets/105', { ticket: { status: 'hold', safe_update: true, updated_stamp: stamp } });
    expect(second.status).toBe(409);
    expect(second.body).toEqual({ error: 'UpdateConflict', description: expect.any(String) });
    expect((await agent('GET', '/api/v2/tickets/105')).body.ticket.status).toBe('pending');
  });

  it('refuses invalid values with 422 RecordInvalid and details, changing nothing', async () => {
    const { agent } = makeEmulator();
    const res = await agent('PUT', '/api/v2/tickets/101', { ticket: { status: 'done', custom_fields: [{ id: TIPO, value: 'nao_existe' }, { id: 9000002, value: '31/12/2026' }], assignee_id: 1001 } });
    expect(res.status).toBe(422);
    expect(res.body.error).toBe('RecordInvalid');
    expect(Object.keys(res.body.details).sort()).toEqual(['9000001', '9000002', 'assignee_id', 'status']);
    expect((await agent('GET', '/api/v2/tickets/101')).body.ticket.status).toBe('new');
  });

  it('writes no audit when nothing changes, and 404s unknown tickets', async () => {
    const { agent, emulator } = makeEmulator();
    const before = emulator.state.audits[104].length;
    const res = await agent('PUT', '/api/v2/tickets/104', { ticket: { status: 'open' } });
    expect(res.status).toBe(200);
    expect(res.body.audit).toBeUndefined();
    expect(emulator.state.audits[104].length).toBe(before);
    expect((await agent('GET', '/api/v2/tickets/999')).body).toEqual({ error: 'RecordNotFound', description: 'Not found' });
  });

  it('forbids end users, and 401s unknown users', async () => {
    const { endUser, as } = makeEmulator();
    expect((await endUser('PUT', '/api/v2/tickets/101', { ticket: { status: 'open' } })).status).toBe(403);
    expect((await endUser('GET', '/api/v2/users/me')).body.user.id).toBe(1001);
    expect((await as(424242)('GET', '/api/v2/tickets/101')).status).toBe(401);
  });

  it('accepts absolute URLs and the .json suffix', async () => {
    const { agent } = makeEmulator();
    const res = await agent('GET', 'https://sandbox.zendesk.com/api/v2/tickets/show_many.json?ids=101,103,999');
    expect(res.body.tickets.map((t) => t.id)).toEqual([101, 103]);
  });
});
