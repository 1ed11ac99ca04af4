import { loadFieldOptions, loadGroups } from '../../../src/zendesk/account-lookups';
import { ZendeskError } from '../../../src/zendesk/errors';
import { emulatorZendesk } from '../../support/emulator-transport';

describe('loadFieldOptions', () => {
  it('maps each option value (the tag) to its name', async () => {
    const setup = emulatorZendesk();
    const options = await loadFieldOptions(setup.zendesk, 9000003);
    const field = setup.emulator.state.ticketFields.find((f: { id: number }) => f.id === 9000003);
    expect(options).toEqual(new Map(field.custom_field_options.map((o: { value: string; name: string }) => [o.value, o.name])));
    expect(options.get('modulo_faturamento')).toBe('Faturamento');
    expect(setup.transport.calls).toEqual(['GET /api/v2/ticket_fields/9000003.json']);
  });

  it('gives an empty map for a field without options', async () => {
    const setup = emulatorZendesk();
    expect(await loadFieldOptions(setup.zendesk, 9000002)).toEqual(new Map());
  });

  it('reports a field that does not exist as not_found, and options of the wrong shape as malformed', async () => {
    const setup = emulatorZendesk();
    await expect(loadFieldOptions(setup.zendesk, 123)).rejects.toMatchObject({ kind: 'not_found' });
    setup.emulator.state.ticketFields.find((f: { id: number }) => f.id === 9000001).custom_field_options[1].value = 7;
    const error = (await loadFieldOptions(setup.zendesk, 9000001).catch((e: unknown) => e)) as ZendeskError;
    expect(error).toBeInstanceOf(ZendeskError);
    expect(error.kind).toBe('malformed');
    expect(error.detail).toContain('custom_field_options.1.value');
  });
});

describe('loadGroups', () => {
  it('maps every group id to its name, following the pages', async () => {
    const setup = emulatorZendesk();
    const groups = setup.emulator.state.groups as Record<number, { id: number; name: string }>;
    for (let n = 0; n < 120; n += 1) groups[60_000 + n] = { ...groups[5001]!, id: 60_000 + n, name: `Equipe ${n}` };
    const loaded = await loadGroups(setup.zendesk);
    expect(loaded).toEqual(new Map(Object.values(groups).map((g) => [g.id, g.name])));
    expect(loaded.get(5001)).toBe('Suporte Faturamento');
    expect(setup.transport.calls).toHaveLength(2);
  });
});
