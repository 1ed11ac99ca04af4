import { loadUserNames, loadUserProfiles } from '../../../src/zendesk/users';
import { emulatorZendesk } from '../../support/emulator-transport';

const showManyCalls = (setup: ReturnType<typeof emulatorZendesk>) => setup.transport.calls.filter((c) => c.includes('/users/show_many'));

describe('loadUserProfiles', () => {
  it('gives name, role, email and the user fields as text', async () => {
    const setup = emulatorZendesk();
    const profiles = await loadUserProfiles(setup.zendesk, [2001, 1003]);
    const ana = setup.emulator.state.users[2001];
    expect(profiles.get(2001)).toEqual({
      id: 2001,
      name: ana.name,
      role: 'agent',
      email: ana.email,
      userFields: { ...Object.fromEntries(Object.keys(ana.user_fields).map((k) => [k, null])), consultoria_senioridade: String(ana.user_fields.consultoria_senioridade), consultoria_modulos: ana.user_fields.consultoria_modulos.join(' ') },
    });
    expect(profiles.get(1003)).toMatchObject({ role: 'end-user', userFields: { permite_consultoria: 'nao' } });
  });

  it('asks for 250 ids (with repeats) in 3 calls of at most 100, leaving out users that do not exist', async () => {
    const setup = emulatorZendesk();
    const ids = [2001, ...Array.from({ length: 248 }, (_, i) => 900_000 + i), 2002, 2001, 2002];
    const profiles = await loadUserProfiles(setup.zendesk, ids);
    const calls = showManyCalls(setup);
    expect(calls.map((c) => c.split('ids=')[1]!.split(',').length)).toEqual([100, 100, 50]);
    expect(new Set(calls.flatMap((c) => c.split('ids=')[1]!.split(','))).size).toBe(250);
    expect([...profiles.keys()].sort()).toEqual([2001, 2002]);
  });

  it('asks nothing for no ids', async () => {
    const setup = emulatorZendesk();
    expect(await loadUserProfiles(setup.zendesk, [])).toEqual(new Map());
    expect(setup.transport.calls).toEqual([]);
  });

  it('refuses a user field of an unknown kind with ZendeskError "malformed"', async () => {
    const setup = emulatorZendesk();
    setup.emulator.state.users[2002].user_fields.consultoria_modulos = { not: 'a value' };
    await expect(loadUserProfiles(setup.zendesk, [2002])).rejects.toMatchObject({ name: 'ZendeskError', kind: 'malformed', detail: expect.stringContaining('users.0.user_fields') });
  });

  it('shares the chunking with loadUserNames, which still answers names and roles', async () => {
    const setup = emulatorZendesk();
    const names = await loadUserNames(setup.zendesk, [2001, ...Array.from({ length: 150 }, (_, i) => 800_000 + i)]);
    expect(showManyCalls(setup)).toHaveLength(2);
    expect(names).toEqual(new Map([[2001, { name: 'Ana Pereira', role: 'agent' }]]));
  });
});
