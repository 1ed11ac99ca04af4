import type { Apontamento } from '../../../src/procedure/apontamento-types';
import { countApontamentos, firstApontamentosPage, loadApontamentosPage, type RecordsPageRequest } from '../../../src/zendesk/all-apontamentos';
import { APONTAMENTO_OBJECT, recordFromApontamento } from '../../../src/zendesk/apontamentos';
import { ZendeskError } from '../../../src/zendesk/errors';
import { emulatorZendesk } from '../../support/emulator-transport';

type Setup = ReturnType<typeof emulatorZendesk>;
const RECORDS = `/api/v2/custom_objects/${APONTAMENTO_OBJECT}/records`;
const START = Date.UTC(2026, 2, 2, 13);

function apontamento(n: number): Apontamento {
  return {
    key: `dash-${n}`,
    recordId: null,
    ticketId: n % 2 === 0 ? 101 : 102,
    analystId: n % 3 === 0 ? 2001 : 2002,
    start: START + n * 3_600_000,
    minutes: 10 + n,
    channel: 'remote',
    description: `sessão ${n}`,
    outcome: '',
    billable: n % 4 !== 0,
    accepted: true,
    notAcceptedReason: null,
    invoicedAt: null,
    createdAt: 0,
    updatedAt: 0,
  };
}

/** Writes a record as another client would (the app, or an admin in Zendesk's UI). */
async function post(setup: Setup, record: unknown) {
  const res = await setup.emulator.handle({ method: 'POST', url: RECORDS, headers: { 'X-Sandbox-User-Id': '2201' }, body: { custom_object_record: record } });
  expect(res.status).toBe(201);
}

async function loadAll(setup: Setup) {
  const records: Apontamento[] = [];
  let unreadable = 0;
  let url: string | RecordsPageRequest | null = firstApontamentosPage();
  while (url !== null) {
    const page = await loadApontamentosPage(setup.zendesk, url);
    records.push(...page.records);
    unreadable += page.unreadable;
    url = page.next;
  }
  return { records, unreadable };
}

describe('loadApontamentosPage', () => {
  it('reads every record, 100 a page, to the last page', async () => {
    const setup = emulatorZendesk();
    for (let n = 0; n < 130; n += 1) await post(setup, recordFromApontamento(apontamento(n)));
    const { records, unreadable } = await loadAll(setup);
    expect(unreadable).toBe(0);
    expect(records.map((r) => r.key).sort()).toEqual(Array.from({ length: 130 }, (_, n) => `dash-${n}`).sort());
    expect(records.find((r) => r.key === 'dash-7')).toMatchObject({ ticketId: 102, analystId: 2002, start: START + 7 * 3_600_000, minutes: 17, billable: true, accepted: true });
    expect(setup.transport.calls).toEqual([`GET ${firstApontamentosPage()}`, expect.stringMatching(/^GET \/api\/v2\/custom_objects\/consultoria_apontamento\/records\.json\?.*page(%5B|\[)after/)]);
    expect(firstApontamentosPage()).toBe(`${RECORDS}?page[size]=100`);
  });

  it('counts a record that is not an Apontamento as unreadable and keeps the others', async () => {
    const setup = emulatorZendesk();
    await post(setup, recordFromApontamento(apontamento(1)));
    // Made by hand in Zendesk: no external id (the app's key), no start.
    await post(setup, { name: 'manual', custom_object_fields: { ticket: '101', analyst: '2001', minutes: 30, channel: 'phone' } });
    await post(setup, recordFromApontamento(apontamento(2)));
    const page = await loadApontamentosPage(setup.zendesk, firstApontamentosPage());
    expect(page.unreadable).toBe(1);
    expect(page.records.map((r) => r.key)).toEqual(['dash-1', 'dash-2']);
    expect(page.next).toBeNull();
  });

  it('fails the page, not the walk: a ZendeskError, then the same url works', async () => {
    const setup = emulatorZendesk();
    await post(setup, recordFromApontamento(apontamento(1)));
    setup.emulator.faults.add({ path: 'custom_objects/.*/records', malformed: true });
    await expect(loadApontamentosPage(setup.zendesk, firstApontamentosPage())).rejects.toBeInstanceOf(ZendeskError);
    expect((await loadApontamentosPage(setup.zendesk, firstApontamentosPage())).records).toHaveLength(1);
  });
});

describe('countApontamentos', () => {
  it('counts every record of the object, readable or not', async () => {
    const setup = emulatorZendesk();
    const before = await countApontamentos(setup.zendesk);
    for (let n = 0; n < 3; n += 1) await post(setup, recordFromApontamento(apontamento(n)));
    await post(setup, { name: 'hand-made', external_id: 'by-hand', custom_object_fields: {} });
    expect(await countApontamentos(setup.zendesk)).toBe(before + 4);
  });

  it('a malformed answer is a malformed error, not a wrong count', async () => {
    const setup = emulatorZendesk();
    setup.emulator.faults.add({ path: 'records/count', malformed: true });
    await expect(countApontamentos(setup.zendesk)).rejects.toMatchObject({ kind: 'malformed' });
  });
});
