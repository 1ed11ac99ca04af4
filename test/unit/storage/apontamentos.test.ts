import type { Apontamento } from '../../../src/procedure/apontamento-types';
import { APONTAMENTO_OBJECT, deleteApontamento, listApontamentos, saveApontamento } from '../../../src/zendesk/apontamentos';
import { ZendeskError } from '../../../src/zendesk/errors';
import { restRequest } from '../../../src/zendesk/rest';
import { emulatorTransport, emulatorZendesk, recordingPolicy } from '../../support/emulator-transport';
import { apontamento, START } from './fakes';

/** A record as the emulator keeps it (the test edits it as Zendesk's UI or the closing would). */
interface StoredRecord {
  id: string;
  external_id: string | null;
  name: string;
  created_at: string;
  updated_at: string;
  custom_object_fields: Record<string, unknown>;
}

const records = (setup: ReturnType<typeof emulatorZendesk>) => setup.emulator.state.customObjectRecords[APONTAMENTO_OBJECT] as StoredRecord[];

describe('saveApontamento', () => {
  it('stores the record with every field as Zendesk shows it, and reads it back the same', async () => {
    const setup = emulatorZendesk();
    const saved = await saveApontamento(setup.zendesk, apontamento());
    const [stored] = records(setup);
    expect(stored).toMatchObject({
      external_id: '102-ana-1',
      name: '#102 · 2026-03-02 13:00 UTC · 45 min',
      custom_object_fields: {
        ticket: '102',
        analyst: '2001',
        start: '2026-03-02T13:00:00.000Z',
        minutes: 45,
        channel: 'remote',
        faturavel: true,
        aceita: 'sim',
        outcome: 'Corrigida a numeração; notas retransmitidas.',
      },
    });
    expect(stored!.custom_object_fields.invoiced_at).toBeUndefined(); // never sent while not invoiced
    expect(saved).toEqual({ ...apontamento(), recordId: stored!.id, createdAt: Date.parse(stored!.created_at), updatedAt: Date.parse(stored!.updated_at) });
  });

  it('upserts by key: saving again (a retry, another tab) updates the one record', async () => {
    const setup = emulatorZendesk();
    const first = await saveApontamento(setup.zendesk, apontamento());
    const second = await saveApontamento(setup.zendesk, apontamento({ minutes: 50, billable: false, accepted: false, notAcceptedReason: 'GAP SUPORTE' }));
    expect(records(setup)).toHaveLength(1);
    expect(second).toMatchObject({ recordId: first.recordId, minutes: 50, billable: false, accepted: false, notAcceptedReason: 'GAP SUPORTE' });
    expect(records(setup)[0]!.custom_object_fields.aceita).toBe('nao_gap_suporte');
    const patches = setup.transport.calls.filter((c) => c.startsWith('PATCH'));
    expect(patches).toEqual(Array(2).fill(`PATCH /api/v2/custom_objects/${APONTAMENTO_OBJECT}/records?external_id=102-ana-1`));
  });

  it('a PATCH whose answer is lost is sent again, and still makes one record', async () => {
    const setup = emulatorZendesk();
    const real = emulatorTransport(setup.emulator);
    let lost = 0;
    const lossy = {
      async request(options: Record<string, unknown>) {
        const answer = await real.request(options);
        if (options.type === 'PATCH' && lost++ === 0) throw { status: 0, statusText: 'error', responseText: '', headers: {} };
        return answer;
      },
    };
    const zendesk = { request: <T,>(req: Parameters<typeof restRequest>[1], schema: Parameters<typeof restRequest<T>>[2]) => restRequest(lossy, req, schema, recordingPolicy()) };
    await saveApontamento(zendesk, apontamento());
    expect(lost).toBe(2);
    expect(records(setup)).toHaveLength(1);
  });

  it('refuses a record the app got wrong before any request, naming the field', async () => {
    const setup = emulatorZendesk();
    const cases: Array<[Partial<Apontamento>, string]> = [
      [{ minutes: 12.5 }, 'minutes'],
      [{ ticketId: 0 }, 'ticket'],
      [{ start: Number.NaN }, 'start'],
      [{ accepted: false, notAcceptedReason: null }, 'aceita'],
      [{ accepted: true, notAcceptedReason: 'ISSUE' }, 'aceita'],
      [{ key: ' ' }, 'key'],
      [{ key: 'a,b' }, 'key'],
    ];
    for (const [change, field] of cases) {
      await expect(saveApontamento(setup.zendesk, apontamento(change))).rejects.toMatchObject({ kind: 'invalid', detail: field });
    }
    expect(setup.transport.calls).toEqual([]);
  });

  it('never clears invoiced_at, and refuses to change or delete an invoiced record', async () => {
    const setup = emulatorZendesk();
    await saveApontamento(setup.zendesk, apontamento());
    // The monthly closing marks it (someone else's code, straight on the record).
    records(setup)[0]!.custom_object_fields.invoiced_at = '2026-04-02T12:00:00.000Z';
    const edit = saveApontamento(setup.zendesk, apontamento({ minutes: 5 }));
    await expect(edit).rejects.toMatchObject({ name: 'ZendeskError', kind: 'invalid', detail: 'invoiced_at' });
    await expect(deleteApontamento(setup.zendesk, '102-ana-1')).rejects.toMatchObject({ kind: 'invalid', detail: 'invoiced_at' });
    expect(records(setup)[0]!.custom_object_fields).toMatchObject({ minutes: 45, invoiced_at: '2026-04-02T12:00:00.000Z' });
    const [listed] = await listApontamentos(setup.zendesk, 102);
    expect(listed!.invoicedAt).toBe(Date.UTC(2026, 3, 2, 12));
  });

  it('an unknown ticket or analyst comes back as Zendesk\'s 422 (kind "invalid")', async () => {
    const setup = emulatorZendesk();
    await expect(saveApontamento(setup.zendesk, apontamento({ ticketId: 99999 }))).rejects.toMatchObject({ kind: 'invalid', status: 422 });
    await expect(saveApontamento(setup.zendesk, apontamento({ analystId: 99999 }))).rejects.toMatchObject({ kind: 'invalid', status: 422 });
  });
});

describe('listApontamentos', () => {
  it('gives the ticket\'s records only, by start, across cursor pages', async () => {
    const setup = emulatorZendesk();
    for (let i = 0; i < 130; i += 1) {
      await saveApontamento(setup.zendesk, apontamento({ key: `102-${i}`, start: START + ((i * 37) % 130) * 60_000 }));
    }
    await saveApontamento(setup.zendesk, apontamento({ key: '101-a', ticketId: 101 }));
    const list = await listApontamentos(setup.zendesk, 102);
    expect(list).toHaveLength(130);
    expect(list.every((a) => a.ticketId === 102)).toBe(true);
    expect(list.map((a) => a.start)).toEqual([...list.map((a) => a.start)].sort((a, b) => a - b));
    const searches = setup.transport.calls.filter((c) => c.includes('/records/search'));
    expect(searches).toHaveLength(2);
    expect(searches[0]).toBe(`POST /api/v2/custom_objects/${APONTAMENTO_OBJECT}/records/search?page[size]=100`);
    expect(await listApontamentos(setup.zendesk, 101)).toEqual([expect.objectContaining({ key: '101-a' })]);
    expect(await listApontamentos(setup.zendesk, 103)).toEqual([]);
  });

  it('a record of the wrong shape is a ZendeskError "malformed" that names the record and the field', async () => {
    const setup = emulatorZendesk();
    await saveApontamento(setup.zendesk, apontamento());
    const stored = records(setup)[0]!;
    stored.custom_object_fields.minutes = null; // e.g. cleared by hand in Zendesk's record page
    const failure = await listApontamentos(setup.zendesk, 102).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ZendeskError);
    expect(failure).toMatchObject({ kind: 'malformed', detail: 'minutes' });
    expect((failure as Error).message).toContain(stored.id);
    stored.custom_object_fields.minutes = 45;
    stored.external_id = null; // created by hand: no key, so the app could never update it
    await expect(listApontamentos(setup.zendesk, 102)).rejects.toMatchObject({ kind: 'malformed', detail: 'external_id' });
  });
});

describe('deleteApontamento', () => {
  it('deletes by key; deleting again (a retry) is fine', async () => {
    const setup = emulatorZendesk();
    await saveApontamento(setup.zendesk, apontamento());
    await saveApontamento(setup.zendesk, apontamento({ key: '102-ana-2' }));
    await deleteApontamento(setup.zendesk, '102-ana-1');
    await deleteApontamento(setup.zendesk, '102-ana-1');
    expect(records(setup).map((r) => r.external_id)).toEqual(['102-ana-2']);
  });
});
