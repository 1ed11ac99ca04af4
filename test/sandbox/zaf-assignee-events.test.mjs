import { describe, expect, it } from 'vitest';
import { emitTicketChanges } from '../../sandbox/host/zaf-events.js';

// A ticket tab with one sidebar instance; the host records what it would post.
function emitted(diffs) {
  const sent = [];
  const instance = { guid: 'sidebar' };
  const host = { forTicket: () => [instance], emit: (_instance, event, message) => sent.push({ event, message }) };
  const ticket = { id: 101, status: 'open', tags: [], assignee_id: 2002, group_id: 5002 };
  const session = { id: 101, effective: () => ticket, comments: [] };
  const catalog = {
    user: (id) => (id ? { id, name: `User ${id}`, role: 'agent' } : undefined),
    group: (id) => (id ? { id, name: `Group ${id}` } : undefined),
    groupsOfUser: () => [],
    form: () => null,
    field: () => null,
  };
  emitTicketChanges({ host, session, catalog, diffs });
  return sent;
}

describe('sandbox ZAF reassignment events', () => {
  it('fires the documented ticket.assignee.user.id / group.id change events, never ticket.assignee.changed', () => {
    const sent = emitted([
      { prop: 'assignee_id', oldValue: 2001, newValue: 2002 },
      { prop: 'group_id', oldValue: 5001, newValue: 5002 },
    ]);
    const names = sent.map((s) => s.event);
    expect(names).toContain('ticket.assignee.user.id.changed');
    expect(names).toContain('ticket.assignee.group.id.changed');
    expect(names).not.toContain('ticket.assignee.changed');
    expect(sent.find((s) => s.event === 'ticket.assignee.user.id.changed').message).toBe(2002);
    expect(sent.filter((s) => s.event === '*.changed').map((s) => s.message.propertyName)).toEqual(['ticket.assignee.user.id', 'ticket.assignee.group.id']);
  });
});
