import { parseSettings } from '../../../src/procedure/settings';
import { ZendeskError } from '../../../src/zendesk/errors';
import { loadSidebarData } from '../../../src/zendesk/sidebar-snapshot';
import { fakeZendesk, sandboxSettings, zafTicket } from '../../support/fake-zendesk';

const { settings } = parseSettings(sandboxSettings);

describe('loadSidebarData', () => {
  it('reads everything in one batched get and builds the snapshot', async () => {
    const fake = fakeZendesk(zafTicket({ 'ticket.customField:custom_field_9000002': '2026-12-01' }));
    const data = await loadSidebarData(fake.zendesk, settings);
    expect(fake.calls.filter((c) => c.op === 'get')).toHaveLength(1);
    expect(data.ticket).toMatchObject({
      id: 101,
      subject: 'Nota gravada com valor negativo',
      viaChannel: 'web',
      requester: { id: 1001, name: 'Maria Souza' },
      assignee: { userId: null, groupId: 5004 },
      formId: 8000001,
      requesterMayContract: 'sim',
    });
    expect(data.ticket.fields[9000002]).toBe('2026-12-01');
    expect(data.user).toEqual({ id: 2001, name: 'Ana Pereira', role: 'agent', locale: 'pt-BR', groupIds: [5001] });
    expect(data.missingPaths).toEqual([]);
  });

  it('accepts ids as strings and extra fields, as different Zendesk versions send them', async () => {
    const fake = fakeZendesk(zafTicket({ 'ticket.id': '101', 'ticket.form': { id: '8000001', name: 'Onda 3', extra: true } }));
    const data = await loadSidebarData(fake.zendesk, settings);
    expect(data.ticket.id).toBe(101);
    expect(data.ticket.formId).toBe(8000001);
  });

  it('reports a custom field Zendesk does not know instead of failing', async () => {
    const path = 'ticket.customField:custom_field_9000002';
    const fake = fakeZendesk(zafTicket(), { errors: { [path]: 'Could not find field' } });
    const data = await loadSidebarData(fake.zendesk, settings);
    expect(data.missingPaths).toEqual([path]);
    expect(data.ticket.fields[9000002]).toBeNull();
  });

  it.each([
    ['ticket.id', 'abc'],
    ['ticket.tags', 'not-a-list'],
    ['currentUser', null],
  ])('refuses a wrong-shaped %s with a malformed error naming the path', async (path, value) => {
    const fake = fakeZendesk(zafTicket({ [path]: value }));
    const error = (await loadSidebarData(fake.zendesk, settings).catch((e: unknown) => e)) as ZendeskError;
    expect(error).toBeInstanceOf(ZendeskError);
    expect(error.kind).toBe('malformed');
    expect(error.detail).toBe(path);
  });
});
