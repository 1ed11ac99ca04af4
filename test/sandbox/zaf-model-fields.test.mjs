import { describe, expect, it } from 'vitest';
import { createZafModel } from '../../sandbox/host/zaf-model.js';

const fields = [
  { id: 9000005, type: 'text', title: 'Índice do procedimento', active: true },
  { id: 1, type: 'subject', title: 'Subject', active: true },
];
const model = () => createZafModel({
  location: 'ticket_sidebar',
  session: { id: 101 },
  catalog: { fields, field: (id) => fields.find((f) => f.id === id) },
  actions: {},
});

describe('sandbox ZAF model: ticketFields:<name>.hide / .show', () => {
  it('hides and shows a ticket field for this instance, as isVisible reports', async () => {
    const zaf = model();
    const path = 'ticketFields:custom_field_9000005.isVisible';
    expect(zaf.get([path])[path]).toBe(true);
    expect((await zaf.invoke({ 'ticketFields:custom_field_9000005.hide': [] })).errors).toEqual({});
    expect(zaf.get([path])[path]).toBe(false);
    await zaf.invoke({ 'ticketFields:custom_field_9000005.show': [] });
    expect(zaf.get([path])[path]).toBe(true);
  });

  it('answers an unknown field with an error for that path', async () => {
    const answer = await model().invoke({ 'ticketFields:custom_field_42.hide': [] });
    expect(answer.errors['ticketFields:custom_field_42.hide']).toMatchObject({ name: 'NotFoundError', path: 'ticketFields:custom_field_42.hide' });
  });
});
