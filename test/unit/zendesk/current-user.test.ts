import { loadAccountSubdomain, loadCurrentUser } from '../../../src/zendesk/current-user';
import { ZendeskError } from '../../../src/zendesk/errors';
import { fakeZendesk, zafTicket } from '../../support/fake-zendesk';

describe('loadCurrentUser', () => {
  it('reads currentUser with one get, as the sidebar does', async () => {
    const fake = fakeZendesk({ currentUser: { id: '2101', name: 'Luiza Martins', role: 'agent', locale: 'pt-BR', groups: [{ id: 5001, name: 'x' }, { id: '5003' }] } });
    expect(await loadCurrentUser(fake.zendesk)).toEqual({ id: 2101, name: 'Luiza Martins', role: 'agent', locale: 'pt-BR', groupIds: [5001, 5003] });
    expect(fake.calls).toEqual([{ op: 'get', args: ['currentUser'] }]);
  });

  it('reads a custom role as "other"', async () => {
    const fake = fakeZendesk(zafTicket({ currentUser: { id: 7, name: 'L', role: 'Team lead', locale: 'en-US', groups: [] } }));
    expect(await loadCurrentUser(fake.zendesk)).toMatchObject({ role: 'other', locale: 'en-US' });
  });

  it('refuses a wrong shape as "malformed" and a refused path as "zaf", naming currentUser', async () => {
    const wrong = fakeZendesk({ currentUser: { name: 'no id' } });
    await expect(loadCurrentUser(wrong.zendesk)).rejects.toMatchObject({ kind: 'malformed', detail: 'currentUser' });
    const refused = fakeZendesk({}, { errors: { currentUser: 'not available here' } });
    const error = (await loadCurrentUser(refused.zendesk).catch((e: unknown) => e)) as ZendeskError;
    expect(error).toBeInstanceOf(ZendeskError);
    expect(error).toMatchObject({ kind: 'zaf', detail: 'currentUser' });
    expect(error.message).toContain('not available here');
  });
});

describe('loadAccountSubdomain', () => {
  const withContext = (context: () => Promise<unknown>) => ({ ...fakeZendesk({}).zendesk, context });

  it('takes account.subdomain from the ZAF context', async () => {
    expect(await loadAccountSubdomain(withContext(async () => ({ location: 'nav_bar', account: { subdomain: 'acme-br' } })))).toBe('acme-br');
  });

  it.each([
    ['no account', { location: 'nav_bar' }],
    ['an empty subdomain', { account: { subdomain: '' } }],
    ['a subdomain that would point elsewhere', { account: { subdomain: 'evil.example/x' } }],
  ])('gives null for %s', async (_, context) => {
    expect(await loadAccountSubdomain(withContext(async () => context))).toBeNull();
  });

  it('turns a failed context call into a ZendeskError', async () => {
    await expect(loadAccountSubdomain(withContext(() => Promise.reject(new Error('gone'))))).rejects.toMatchObject({ name: 'ZendeskError', kind: 'zaf' });
    await expect(loadAccountSubdomain(withContext(async () => ({ name: 'TimeoutError', message: 'timed out' })))).rejects.toMatchObject({ kind: 'timeout' });
  });
});
