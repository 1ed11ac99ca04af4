import { loadTicketComments } from '../../../src/zendesk/ticket-comments';
import { emulatorZendesk } from '../../support/emulator-transport';

describe('loadTicketComments', () => {
  it('gives the ticket’s comments newest first, with their authors’ names and e-mails', async () => {
    const setup = emulatorZendesk({ userId: 2004 });
    await setup.emulator.handle({ method: 'PUT', url: '/api/v2/tickets/103.json', headers: { 'X-Sandbox-User-Id': '2004' }, body: { ticket: { comment: { body: 'Nota <b>interna</b>', public: false } } } });
    const comments = await loadTicketComments(setup.zendesk, 103);
    expect(comments).toHaveLength(2);
    expect(comments[0]).toMatchObject({ authorId: 2004, authorName: 'Diana Rocha', authorEmail: 'diana.rocha@sandbox.example', public: false, body: 'Nota <b>interna</b>' });
    expect(comments[1]).toMatchObject({ authorId: 3001, authorName: 'Renata Franco', authorEmail: 'renata.franco@unidade-sul.com.br', public: true });
    expect(comments[1]!.body).toMatch(/^Olá, sou a Renata/);
    expect(comments[0]!.createdAt).toBeGreaterThanOrEqual(comments[1]!.createdAt);
    expect(setup.transport.calls.filter((c) => c.includes('/users/show_many'))).toHaveLength(1);
  });

  it('follows the cursor pages', async () => {
    const setup = emulatorZendesk({ userId: 2004 });
    for (let i = 0; i < 120; i += 1) {
      await setup.emulator.handle({ method: 'PUT', url: '/api/v2/tickets/103.json', headers: { 'X-Sandbox-User-Id': '2004' }, body: { ticket: { comment: { body: `nota ${i}`, public: false } } } });
    }
    const comments = await loadTicketComments(setup.zendesk, 103);
    expect(comments).toHaveLength(121);
    expect(new Set(comments.map((c) => c.id)).size).toBe(121);
    expect(setup.transport.calls.filter((c) => c.includes('/comments')).length).toBe(2);
  });

  it('refuses an answer of the wrong shape', async () => {
    const setup = emulatorZendesk();
    await expect(loadTicketComments({ request: (req, schema) => setup.zendesk.request({ ...req, url: '/api/v2/tickets/103.json' }, schema) }, 103)).rejects.toThrow();
  });
});
