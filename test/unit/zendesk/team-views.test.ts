import { ZendeskError } from '../../../src/zendesk/errors';
import { createView, findViewByTitle, type ViewDefinition } from '../../../src/zendesk/team-views';
import { emulatorZendesk } from '../../support/emulator-transport';

const ADMIN = 2201;
const AGENT = 2001;

const waitingForAceite: ViewDefinition = {
  title: 'Consultoria — aguardando Aceite (Faturamento)',
  all: [
    { field: 'status', operator: 'less_than', value: 'solved' },
    { field: 'group_id', operator: 'is', value: '5001' },
    { field: 'custom_fields_9000001', operator: 'is', value: 'tipo_consultoria_tecnica' },
  ],
  any: [],
  sortBy: 'updated',
  sortOrder: 'desc',
  columns: ['nice_id', 'description', 'assignee', 9000002, 'updated'],
};

const viewPosts = (setup: ReturnType<typeof emulatorZendesk>) => setup.transport.calls.filter((c) => c.startsWith('POST /api/v2/views'));

describe('team views', () => {
  it('an admin creates the view, and it is then found by its exact title', async () => {
    const setup = emulatorZendesk({ userId: ADMIN });
    expect(await findViewByTitle(setup.zendesk, waitingForAceite.title)).toBeNull();
    const created = await createView(setup.zendesk, waitingForAceite);
    expect(created).toEqual({ id: expect.any(Number), title: waitingForAceite.title });
    const stored = setup.emulator.state.views.find((v: { id: number }) => v.id === created.id);
    expect(stored).toMatchObject({
      restriction: null,
      conditions: { all: waitingForAceite.all, any: [] },
      execution: { sort_by: 'updated', sort_order: 'desc', columns: waitingForAceite.columns.map((id) => expect.objectContaining({ id })) },
    });
    expect(await findViewByTitle(setup.zendesk, waitingForAceite.title)).toEqual(created);
    expect(await findViewByTitle(setup.zendesk, waitingForAceite.title.toUpperCase())).toBeNull();
  });

  it('sends the columns and a custom-field sort as the reference gives them: by the field id', async () => {
    const setup = emulatorZendesk({ userId: ADMIN });
    const created = await createView(setup.zendesk, { ...waitingForAceite, sortBy: 9000002, sortOrder: 'asc' });
    const stored = setup.emulator.state.views.find((v: { id: number }) => v.id === created.id);
    expect(stored.execution).toMatchObject({
      sort_by: '9000002',
      sort_order: 'asc',
      columns: [
        { id: 'nice_id', title: 'ID' },
        { id: 'description', title: 'Subject' },
        { id: 'assignee', title: 'Assignee' },
        { id: 9000002, title: 'Data controle', type: 'date' },
        { id: 'updated', title: 'Updated' },
      ],
    });
  });

  it('looks through every page of views', async () => {
    const setup = emulatorZendesk({ userId: ADMIN });
    for (let n = 0; n < 105; n += 1) await createView(setup.zendesk, { ...waitingForAceite, title: `Outra ${n}` });
    const last = await createView(setup.zendesk, waitingForAceite);
    expect(await findViewByTitle(setup.zendesk, waitingForAceite.title)).toEqual(last);
    expect(setup.transport.calls.filter((c) => c.startsWith('GET /api/v2/views'))).toHaveLength(2);
  });

  it('an agent may not create a shared view: ZendeskError "forbidden", asked once', async () => {
    const setup = emulatorZendesk({ userId: AGENT });
    const error = (await createView(setup.zendesk, waitingForAceite).catch((e: unknown) => e)) as ZendeskError;
    expect(error).toBeInstanceOf(ZendeskError);
    expect(error.kind).toBe('forbidden');
    expect(viewPosts(setup)).toHaveLength(1);
    expect(setup.emulator.state.views).toEqual([]);
  });

  it('an agent may create a view restricted to himself', async () => {
    const setup = emulatorZendesk({ userId: AGENT });
    const created = await createView(setup.zendesk, { ...waitingForAceite, restriction: { type: 'User', id: AGENT } });
    expect(await findViewByTitle(setup.zendesk, waitingForAceite.title)).toEqual(created);
  });

  it('never sends the POST twice, even after a server error', async () => {
    const setup = emulatorZendesk({ userId: ADMIN });
    setup.emulator.faults.add({ method: 'POST', path: '/api/v2/views', status: 502 });
    await expect(createView(setup.zendesk, waitingForAceite)).rejects.toMatchObject({ kind: 'server' });
    expect(viewPosts(setup)).toHaveLength(1);
    expect(setup.policy.waits).toEqual([]);
  });

  it('reports the conditions Zendesk refuses as "invalid"', async () => {
    const setup = emulatorZendesk({ userId: ADMIN });
    const error = (await createView(setup.zendesk, { ...waitingForAceite, all: [{ field: 'custom_fields_9000001', operator: 'is', value: 'x' }] }).catch((e: unknown) => e)) as ZendeskError;
    expect(error.kind).toBe('invalid');
  });
});
