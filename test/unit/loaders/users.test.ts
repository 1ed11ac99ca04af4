import { loadUserNames, type UserName } from '../../../src/zendesk/users';
import { emulatorZendesk } from '../../support/emulator-transport';

const showManyCalls = (setup: ReturnType<typeof emulatorZendesk>) => setup.transport.calls.filter((c) => c.includes('/users/show_many'));

describe('loadUserNames', () => {
  it('loads names and roles with show_many, each id once', async () => {
    const setup = emulatorZendesk();
    const names = await loadUserNames(setup.zendesk, [2001, 1001, 2001, 2201, 2101]);
    expect(showManyCalls(setup)).toEqual(['GET /api/v2/users/show_many.json?ids=2001,1001,2201,2101']);
    expect(names).toEqual(
      new Map([
        [2001, { name: 'Ana Pereira', role: 'agent' }],
        [1001, { name: 'Maria Souza', role: 'end-user' }],
        [2201, { name: 'Admin Sandbox', role: 'admin' }],
        [2101, { name: 'Luiza Martins', role: 'agent' }],
      ]),
    );
  });

  it('asks in chunks of 100 ids and leaves out users that do not exist', async () => {
    const setup = emulatorZendesk();
    const ids = [2001, ...Array.from({ length: 230 }, (_, i) => 900_000 + i), 2002];
    const names = await loadUserNames(setup.zendesk, ids);
    const calls = showManyCalls(setup);
    expect(calls).toHaveLength(3);
    expect(calls.map((c) => c.split('ids=')[1]!.split(',').length)).toEqual([100, 100, 32]);
    expect([...names.keys()].sort()).toEqual([2001, 2002]);
  });

  it('skips the ids a cache already knows and fills the cache with the rest', async () => {
    const setup = emulatorZendesk();
    const cache = new Map<number, UserName>([[2001, { name: 'Ana (cached)', role: 'agent' }]]);
    const names = await loadUserNames(setup.zendesk, [2001, 2002], cache);
    expect(showManyCalls(setup)).toEqual(['GET /api/v2/users/show_many.json?ids=2002']);
    expect(names.get(2001)).toEqual({ name: 'Ana (cached)', role: 'agent' });
    expect(cache.get(2002)).toEqual({ name: 'Bruno Costa', role: 'agent' });
    await loadUserNames(setup.zendesk, [2002, 2001], cache);
    expect(showManyCalls(setup)).toHaveLength(1);
  });

  it('fails with ZendeskError "malformed" when the answer is not JSON', async () => {
    const setup = emulatorZendesk();
    setup.emulator.faults.add({ path: '/users/show_many', malformed: true });
    await expect(loadUserNames(setup.zendesk, [2001])).rejects.toMatchObject({ name: 'ZendeskError', kind: 'malformed' });
  });
});
