import { findMacro, macroActions, previewMacro } from '../../../src/zendesk/macros';
import { emulatorZendesk } from '../../support/emulator-transport';

const TITLE = 'CONSULTORIA :: Abertura de ticket Consultoria Técnica';
const OLD_TITLE = 'CONSULTORIA :: Abertura de ticket Consult Técnica';
type Macro = { id: number; title: string; active: boolean };
const macros = (setup: ReturnType<typeof emulatorZendesk>) => setup.emulator.state.macros as Macro[];

describe('findMacro', () => {
  it('finds the macro by id when one is configured', async () => {
    const setup = emulatorZendesk();
    await expect(findMacro(setup.zendesk, { id: 7001, title: 'whatever' })).resolves.toEqual({ id: 7001, title: TITLE });
    expect(setup.transport.calls).toEqual(['GET /api/v2/macros/7001.json']);
  });

  it('finds it by exact title among active macros, ignoring surrounding spaces and accent encoding', async () => {
    const setup = emulatorZendesk();
    await expect(findMacro(setup.zendesk, { title: `  ${TITLE.normalize('NFD')} ` })).resolves.toEqual({ id: 7001, title: TITLE });
    expect(setup.transport.calls[0]).toMatch(/^GET \/api\/v2\/macros\/search\.json\?query=CONSULTORIA%20%3A%3A%20Abertura/);
    await expect(findMacro(setup.zendesk, { title: 'CONSULTORIA :: Abertura' })).resolves.toBeNull(); // a prefix is not the title
  });

  it('reads the search as Zendesk answers it, offset pages (next_page), following them to the exact title', async () => {
    const setup = emulatorZendesk();
    // 120 active macros whose titles contain the query come first: the exact one is on the second page.
    for (let i = 0; i < 120; i += 1) macros(setup).push({ ...macros(setup)[0]!, id: 7200 + i, title: `${TITLE} (cópia ${i})`, position: -200 + i } as Macro);
    await expect(findMacro(setup.zendesk, { title: TITLE })).resolves.toEqual({ id: 7001, title: TITLE });
    expect(setup.transport.calls).toHaveLength(2);
    expect(setup.transport.calls.some((c) => c.includes('page['))).toBe(false);
    expect(setup.transport.calls[1]).toMatch(/^GET \/api\/v2\/macros\/search\.json\?.*page=2/);
  });

  it('accepts an older title when the current one does not exist', async () => {
    const setup = emulatorZendesk();
    macros(setup)[0]!.title = OLD_TITLE;
    await expect(findMacro(setup.zendesk, { title: TITLE })).resolves.toBeNull();
    await expect(findMacro(setup.zendesk, { title: TITLE, alternativeTitles: [OLD_TITLE] })).resolves.toEqual({ id: 7001, title: OLD_TITLE });
  });

  it('skips inactive macros, and falls back to the title when the configured id is gone or inactive', async () => {
    const setup = emulatorZendesk();
    const copy = { ...macros(setup)[0]!, id: 7999, position: 0 };
    macros(setup)[0]!.active = false;
    await expect(findMacro(setup.zendesk, { title: TITLE })).resolves.toBeNull();
    macros(setup).push(copy);
    await expect(findMacro(setup.zendesk, { id: 7001, title: TITLE })).resolves.toEqual({ id: 7999, title: TITLE });
    await expect(findMacro(setup.zendesk, { id: 123456, title: TITLE })).resolves.toEqual({ id: 7999, title: TITLE });
  });

  it('reports other failures as ZendeskError instead of "not found"', async () => {
    const setup = emulatorZendesk();
    setup.emulator.faults.add({ path: '/macros/7001', status: 403 });
    await expect(findMacro(setup.zendesk, { id: 7001, title: TITLE })).rejects.toMatchObject({ name: 'ZendeskError', kind: 'forbidden' });
    setup.emulator.faults.add({ path: '/macros/search', malformed: true });
    await expect(findMacro(setup.zendesk, { title: TITLE })).rejects.toMatchObject({ kind: 'malformed' });
  });
});

describe('previewMacro', () => {
  it('gives the ticket after the macro and its rendered comment (result.ticket.comment), saving nothing', async () => {
    const setup = emulatorZendesk();
    const preview = await previewMacro(setup.zendesk, 102, 7001);
    expect(setup.transport.calls).toEqual(['GET /api/v2/tickets/102/macros/7001/apply.json']);
    expect(preview).toMatchObject({ subject: 'Erro ao transmitir NF-e pelo telefone', status: 'open', assigneeId: 2001, groupId: 5001 });
    expect(preview.tags).toEqual(expect.arrayContaining(['consultoria_termo_enviado', 'tipo_consultoria_tecnica', 'modulo_fiscal']));
    expect(preview.customFields[9000001]).toBe('tipo_consultoria_tecnica');
    expect(preview.comment).toMatchObject({ public: true, body: expect.stringMatching(/^Olá, João![\s\S]*Consultoria Técnica/) });
    const ticket = (setup.emulator.state.tickets as Record<number, { tags: string[] }>)[102]!;
    expect(ticket.tags).not.toContain('consultoria_termo_enviado');
  });

  it('has no comment for a macro without one, and fails with ZendeskError for an unknown macro', async () => {
    const setup = emulatorZendesk();
    macros(setup).push({ ...macros(setup)[0]!, id: 7100, actions: [{ field: 'status', value: 'pending' }] } as Macro);
    const preview = await previewMacro(setup.zendesk, 102, 7100);
    expect(preview).toMatchObject({ comment: null, status: 'pending' });
    await expect(previewMacro(setup.zendesk, 102, 7777)).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('macroActions', () => {
  it("reads the macro's actions as Zendesk lists them ({field, value})", async () => {
    const setup = emulatorZendesk();
    const actions = await macroActions(setup.zendesk, 7001);
    expect(setup.transport.calls).toEqual(['GET /api/v2/macros/7001.json']);
    expect(actions.map((a) => a.field)).toEqual(['custom_fields_9000001', 'comment_value_html', 'comment_mode_is_public', 'current_tags']);
    await expect(macroActions(setup.zendesk, 7777)).rejects.toMatchObject({ kind: 'not_found' });
  });
});
