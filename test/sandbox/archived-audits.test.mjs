/**
 * Audits of an archived ticket (closed more than 120 days ago): Zendesk's reference says the
 * ticket's audits endpoint does not support pagination for them (tickets yml, ListAuditsForTicket).
 */
import { describe, expect, it } from 'vitest';
import { fakeClock, makeEmulator } from './helpers.mjs';

const ARCHIVED = 106;

describe('audits of an archived ticket', () => {
  it('the demo account has one archived ticket: closed more than 120 days ago', async () => {
    const now = fakeClock();
    const { agent, emulator } = makeEmulator({ now });
    const { ticket } = (await agent('GET', `/api/v2/tickets/${ARCHIVED}.json`)).body;
    expect(ticket.status).toBe('closed');
    expect(now() - Date.parse(ticket.updated_at)).toBeGreaterThan(120 * 24 * 3600 * 1000);
    expect(emulator.state.archivedTickets).toEqual({ [ARCHIVED]: true });
  });

  it('answers every audit at once, without pagination, whatever page parameters are sent', async () => {
    const { agent, emulator } = makeEmulator();
    const total = (await agent('GET', `/api/v2/tickets/${ARCHIVED}/audits.json`)).body.audits.length;
    expect(total).toBeGreaterThan(2); // created, opened, solved, closed
    for (const query of ['', '?page[size]=1', '?per_page=1', '?page=2&per_page=1']) {
      const res = await agent('GET', `/api/v2/tickets/${ARCHIVED}/audits.json${query}`);
      expect([query, res.status]).toEqual([query, 200]);
      expect(res.body).toEqual({ audits: expect.any(Array), next_page: null, previous_page: null, count: total });
      expect(res.body.audits.map((a) => a.id)).toEqual(emulator.state.audits[ARCHIVED].map((a) => a.id));
    }
  });

  it('a ticket that is not archived still pages its audits (cursor and offset)', async () => {
    const { agent } = makeEmulator();
    await agent('PUT', '/api/v2/tickets/102.json', { ticket: { additional_tags: ['x'] } });
    const cursor = (await agent('GET', '/api/v2/tickets/102/audits.json?page[size]=1')).body;
    expect([cursor.audits.length, cursor.meta.has_more]).toEqual([1, true]);
    const offset = (await agent('GET', '/api/v2/tickets/102/audits.json?per_page=1')).body;
    expect([offset.audits.length, offset.count, typeof offset.next_page]).toEqual([1, 2, 'string']);
  });
});
