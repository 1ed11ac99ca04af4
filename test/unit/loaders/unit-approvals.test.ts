import type { UnitApproval } from '../../../src/procedure/unit-billing';
import { loadUnitApproval, saveUnitApproval, UNIT_APPROVAL_OBJECT } from '../../../src/zendesk/unit-approvals';
import { emulatorZendesk } from '../../support/emulator-transport';

const approval: UnitApproval = {
  unit: { name: 'Unidade Sul', code: 'US01' },
  responsible: { name: 'Renata Franco', email: 'renata.franco@unidade-sul.com.br' },
  alternative: { kind: 'repasse', centroCusto: '10201', classeValor: 'CV001', itemContabil: 'IC.2026-01' },
};

describe('unit approval records', () => {
  it('is null before a save, then one record per ticket: a second save updates it and keeps the linked comment', async () => {
    const setup = emulatorZendesk({ userId: 2004 });
    expect(await loadUnitApproval(setup.zendesk, 103)).toBeNull();
    await saveUnitApproval(setup.zendesk, { ticketId: 103, approval });
    const linked = await saveUnitApproval(setup.zendesk, { ticketId: 103, approval, commentId: 42 });
    expect(linked.commentId).toBe(42);
    const renamed = { ...approval, unit: { name: 'Unidade Sul II', code: 'US01' } };
    await saveUnitApproval(setup.zendesk, { ticketId: 103, approval: renamed });
    expect(setup.emulator.state.customObjectRecords[UNIT_APPROVAL_OBJECT]).toHaveLength(1);
    const loaded = await loadUnitApproval(setup.zendesk, 103);
    expect(loaded).toMatchObject({ ticketId: 103, commentId: 42, approval: renamed });
    expect(await loadUnitApproval(setup.zendesk, 101)).toBeNull();
  });

  it('stores the comment id in a text field: a 14-digit Zendesk comment id is kept exactly', async () => {
    const setup = emulatorZendesk({ userId: 2004 });
    const field = setup.emulator.state.customObjectFields[UNIT_APPROVAL_OBJECT].find((f: { key: string }) => f.key === 'approval_comment');
    expect(field).toMatchObject({ type: 'text' });
    const commentId = 41234567890123;
    const saved = await saveUnitApproval(setup.zendesk, { ticketId: 103, approval, commentId });
    expect(saved.commentId).toBe(commentId);
    const [record] = setup.emulator.state.customObjectRecords[UNIT_APPROVAL_OBJECT];
    expect(record.custom_object_fields).toMatchObject({ approval_comment: '41234567890123', comment_id: null });
    expect((await loadUnitApproval(setup.zendesk, 103))?.commentId).toBe(commentId);
  });

  it('still reads a record linked through the old integer field, and a later link or unlink replaces it', async () => {
    const setup = emulatorZendesk({ userId: 2004 });
    const old = await setup.emulator.handle({
      method: 'PATCH',
      url: `/api/v2/custom_objects/${UNIT_APPROVAL_OBJECT}/records?external_id=unidade-103`,
      headers: { 'X-Sandbox-User-Id': '2004' },
      body: { custom_object_record: { name: 'x', external_id: 'unidade-103', custom_object_fields: { ticket: '103', payload: JSON.stringify(approval), comment_id: 41234567890123 } } },
    });
    expect(old.status).toBeLessThan(300);
    expect((await loadUnitApproval(setup.zendesk, 103))?.commentId).toBe(41234567890123);
    // Saving the form alone keeps the old link.
    expect((await saveUnitApproval(setup.zendesk, { ticketId: 103, approval })).commentId).toBe(41234567890123);
    expect((await saveUnitApproval(setup.zendesk, { ticketId: 103, approval, commentId: 41234567890999 })).commentId).toBe(41234567890999);
    expect((await saveUnitApproval(setup.zendesk, { ticketId: 103, approval, commentId: null })).commentId).toBeNull();
    expect((await loadUnitApproval(setup.zendesk, 103))?.commentId).toBeNull();
  });

  it('reports a record whose payload is not an approval', async () => {
    const setup = emulatorZendesk({ userId: 2004 });
    await setup.emulator.handle({
      method: 'PATCH',
      url: `/api/v2/custom_objects/${UNIT_APPROVAL_OBJECT}/records?external_id=unidade-103`,
      headers: { 'X-Sandbox-User-Id': '2004' },
      body: { custom_object_record: { name: 'x', external_id: 'unidade-103', custom_object_fields: { ticket: '103', payload: '{"unit":1}' } } },
    });
    await expect(loadUnitApproval(setup.zendesk, 103)).rejects.toMatchObject({ kind: 'malformed', detail: 'payload' });
  });

  it('refuses a comment id that is not one', async () => {
    const setup = emulatorZendesk();
    await expect(saveUnitApproval(setup.zendesk, { ticketId: 103, approval, commentId: 0 })).rejects.toMatchObject({ kind: 'invalid' });
  });
});
