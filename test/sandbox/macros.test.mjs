import { describe, expect, it } from 'vitest';
import { makeEmulator } from './helpers.mjs';

describe('macros', () => {
  it('lists, filters and searches macros', async () => {
    const { agent } = makeEmulator();
    const all = (await agent('GET', '/api/v2/macros.json')).body;
    expect(all.macros.map((m) => m.id)).toEqual([7001, 7002, 7003]);
    expect(all.count).toBe(3);
    const consult = (await agent('GET', '/api/v2/macros?category=CONSULTORIA')).body.macros;
    expect(consult.map((m) => m.id)).toEqual([7001, 7002]);
    const found = (await agent('GET', '/api/v2/macros/search?query=abertura')).body.macros;
    expect(found.map((m) => m.title)).toEqual(['CONSULTORIA :: Abertura de ticket Consultoria Técnica']);
  });

  it('search is offset-paginated only (next_page, previous_page, count), even when asked for a cursor page', async () => {
    const { agent, emulator } = makeEmulator();
    for (let i = 0; i < 3; i += 1) emulator.state.macros.push({ ...emulator.state.macros[0], id: 7101 + i, position: 10 + i });
    for (const url of ['/api/v2/macros/search.json?query=abertura&per_page=2', '/api/v2/macros/search.json?query=abertura&per_page=2&page[size]=100']) {
      const first = (await agent('GET', url)).body;
      expect(Object.keys(first).sort()).toEqual(['count', 'macros', 'next_page', 'previous_page']);
      expect(first).toMatchObject({ count: 4, previous_page: null });
      expect(first.macros.map((m) => m.id)).toEqual([7001, 7101]);
      const second = (await agent('GET', new URL(first.next_page).pathname + new URL(first.next_page).search)).body;
      expect(second.macros.map((m) => m.id)).toEqual([7102, 7103]);
      expect(second.next_page).toBeNull();
      expect(second.previous_page).toMatch(/page=1/);
    }
  });

  it('GET macros/{id}/apply returns {result: {ticket: the changes only, with comment {body, public, scoped_body}}}', async () => {
    const { agent } = makeEmulator();
    const { body } = await agent('GET', '/api/v2/macros/7001/apply');
    expect(Object.keys(body.result)).toEqual(['ticket']);
    const { comment, ...changes } = body.result.ticket;
    expect(changes).toEqual({
      tags: ['consultoria_termo_enviado'],
      custom_fields: [{ id: 9000001, value: 'tipo_consultoria_tecnica' }],
      fields: [{ id: 9000001, value: 'tipo_consultoria_tecnica' }],
    });
    expect(Object.keys(comment).sort()).toEqual(['body', 'public', 'scoped_body']);
    expect(comment.public).toBe(true);
    expect(comment.body).toContain('mínimo de 10 minutos + impostos');
    expect(comment.body).not.toContain('<strong>');
    expect(comment.scoped_body).toEqual([['channel:all', comment.body]]);
  });

  it('applied to a ticket: the full ticket after the changes, its comment at ticket.comment, placeholders rendered, nothing saved', async () => {
    const { agent, emulator } = makeEmulator();
    const auditsBefore = emulator.state.audits[102].length;
    const { result } = (await agent('GET', '/api/v2/tickets/102/macros/7001/apply.json')).body;
    expect(Object.keys(result)).toEqual(['ticket']);
    expect(result.ticket.id).toBe(102);
    expect(result.ticket.subject).toBe('Erro ao transmitir NF-e pelo telefone');
    expect(result.ticket.tags).toEqual(expect.arrayContaining(['modulo_fiscal', 'consultoria_termo_enviado', 'tipo_consultoria_tecnica']));
    expect(result.ticket.custom_fields).toContainEqual({ id: 9000001, value: 'tipo_consultoria_tecnica' });
    expect(result.ticket.fields).toContainEqual({ id: 9000001, value: 'tipo_consultoria_tecnica' });
    expect(result.ticket.comment.body.startsWith('Olá, João!')).toBe(true);
    const stored = (await agent('GET', '/api/v2/tickets/102')).body.ticket;
    expect(stored.tags).toEqual(['modulo_fiscal']);
    expect(stored.comment).toBeUndefined();
    expect(emulator.state.audits[102].length).toBe(auditsBefore);
  });

  it('a macro without a comment action gives a ticket without comment; placeholder values are not turned into markup', async () => {
    const { agent, emulator } = makeEmulator();
    emulator.state.macros.push({ ...emulator.state.macros[0], id: 7100, actions: [{ field: 'status', value: 'pending' }] });
    expect((await agent('GET', '/api/v2/tickets/101/macros/7100/apply')).body.result.ticket.comment).toBeUndefined();
    emulator.state.users[1002].name = '<b>x</b> João';
    const body = (await agent('GET', '/api/v2/tickets/102/macros/7001/apply')).body.result.ticket.comment.body;
    expect(body.startsWith('Olá, <b>x</b>!')).toBe(true); // the first name, as text: not parsed as markup
    const plain = (await agent('GET', '/api/v2/tickets/101/macros/7003/apply')).body.result.ticket;
    expect(plain.status).toBe('pending');
    expect(plain.comment.body.startsWith('Olá, Maria.')).toBe(true);
  });

  it('404s an unknown macro and forbids end users', async () => {
    const { agent, endUser } = makeEmulator();
    expect((await agent('GET', '/api/v2/macros/1/apply')).status).toBe(404);
    expect((await endUser('GET', '/api/v2/macros')).status).toBe(403);
  });
});
