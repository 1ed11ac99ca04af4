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

  it('GET macros/{id}/apply returns {result: {ticket: changes, comment: {body, html_body, public, scoped_body}}}', async () => {
    const { agent } = makeEmulator();
    const { result } = (await agent('GET', '/api/v2/macros/7001/apply')).body;
    expect(result.ticket).toEqual({
      tags: ['consultoria_termo_enviado'],
      custom_fields: [{ id: 9000001, value: 'tipo_consultoria_tecnica' }],
      fields: [{ id: 9000001, value: 'tipo_consultoria_tecnica' }],
    });
    expect(Object.keys(result.comment).sort()).toEqual(['body', 'html_body', 'public', 'scoped_body']);
    expect(result.comment.public).toBe(true);
    expect(result.comment.body).toContain('mínimo de 10 minutos + impostos');
    expect(result.comment.html_body).toContain('<strong>Consultoria Técnica</strong>');
    expect(result.comment.scoped_body).toEqual([['channel:all', result.comment.body]]);
  });

  it('applied to a ticket: the full ticket after the changes, placeholders rendered, nothing saved', async () => {
    const { agent, emulator } = makeEmulator();
    const auditsBefore = emulator.state.audits[102].length;
    const { result } = (await agent('GET', '/api/v2/tickets/102/macros/7001/apply.json')).body;
    expect(result.ticket.id).toBe(102);
    expect(result.ticket.subject).toBe('Erro ao transmitir NF-e pelo telefone');
    expect(result.ticket.tags).toEqual(expect.arrayContaining(['modulo_fiscal', 'consultoria_termo_enviado', 'tipo_consultoria_tecnica']));
    expect(result.ticket.custom_fields).toContainEqual({ id: 9000001, value: 'tipo_consultoria_tecnica' });
    expect(result.comment.body.startsWith('Olá, João!')).toBe(true);
    const stored = (await agent('GET', '/api/v2/tickets/102')).body.ticket;
    expect(stored.tags).toEqual(['modulo_fiscal']);
    expect(emulator.state.audits[102].length).toBe(auditsBefore);
  });

  it('escapes placeholder values rendered into HTML, and plain templates get zd-comment HTML', async () => {
    const { agent, emulator } = makeEmulator();
    emulator.state.users[1002].name = '<script>x()</script> João';
    const html = (await agent('GET', '/api/v2/tickets/102/macros/7001/apply')).body.result.comment.html_body;
    expect(html).not.toContain('<script>');
    const plain = (await agent('GET', '/api/v2/tickets/101/macros/7003/apply')).body.result;
    expect(plain.ticket.status).toBe('pending');
    expect(plain.comment.html_body.startsWith('<div class="zd-comment"><p>Olá, Maria.</p>')).toBe(true);
  });

  it('404s an unknown macro and forbids end users', async () => {
    const { agent, endUser } = makeEmulator();
    expect((await agent('GET', '/api/v2/macros/1/apply')).status).toBe(404);
    expect((await endUser('GET', '/api/v2/macros')).status).toBe(403);
  });
});
