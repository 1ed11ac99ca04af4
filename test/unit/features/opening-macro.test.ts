import { applyOpeningMacro } from '../../../src/features/checklist/actions';
import { ZendeskError } from '../../../src/zendesk/errors';
import { MacroPartlyApplied } from '../../../src/zendesk/macro-apply';
import { emulatorZendesk } from '../../support/emulator-transport';
import { fakeZendesk } from '../../support/fake-zendesk';

const TIPO = 9000001;
const TIPO_PATH = `ticket.customField:custom_field_${TIPO}`;
const ARGS = { macroId: 7001, ticketId: 102, tipoFieldId: TIPO, consultingValues: ['tipo_consultoria_tecnica'] };

/**
 * Ticket #102 open in the agent UI, with unsaved edits of the agent (subject, a tag): ZAF in memory,
 * REST answered by the sandbox's emulator. `refuse` lists ZAF paths Zendesk rejects.
 */
function setup(refuse: string[] = []) {
  const rest = emulatorZendesk();
  const zaf = fakeZendesk(
    {
      'ticket.subject': 'Editado pelo agente, ainda não salvo',
      'ticket.tags': ['modulo_fiscal', 'tag_do_agente'],
      [TIPO_PATH]: null,
      'comment.text': '',
      'comment.type': 'internalNote',
    },
    { request: rest.zendesk.request },
  );
  const { set, invoke } = zaf.zendesk;
  zaf.zendesk.set = async (changes) => {
    const refused = Object.keys(changes).find((path) => refuse.includes(path));
    if (refused) {
      zaf.calls.push({ op: 'set', args: changes });
      throw new ZendeskError('zaf', `${refused}: refused`, { detail: refused });
    }
    return set(changes);
  };
  // The editor keeps what is appended, as Zendesk's does.
  zaf.zendesk.invoke = async (name, ...args) => {
    if (name === 'comment.appendText') zaf.values['comment.text'] = `${String(zaf.values['comment.text'] ?? '')}${String(args[0])}`;
    if (name === 'ticket.tags.add') zaf.values['ticket.tags'] = [...new Set([...(zaf.values['ticket.tags'] as string[]), ...(args[0] as string[])])];
    if (name === 'ticket.tags.remove') zaf.values['ticket.tags'] = (zaf.values['ticket.tags'] as string[]).filter((t) => !(args[0] as string[]).includes(t));
    return invoke(name, ...args);
  };
  return { rest, zaf };
}

const writes = (zaf: ReturnType<typeof fakeZendesk>) => zaf.calls.filter((c) => c.op !== 'get');

describe('applyOpeningMacro', () => {
  it("applies the macro's own actions through documented ZAF calls, never invoke('macro'), leaving the agent's unsaved edits alone", async () => {
    const { zaf, rest } = setup();
    await applyOpeningMacro(zaf.zendesk, ARGS);
    expect([...rest.transport.calls].sort()).toEqual(['GET /api/v2/macros/7001.json', 'GET /api/v2/tickets/102/macros/7001/apply.json']);
    expect(writes(zaf).map((c) => (c.args as unknown[])[0] ?? c.args)).not.toContain('macro');
    expect(zaf.values[TIPO_PATH]).toBe('tipo_consultoria_tecnica');
    expect(zaf.values['comment.type']).toBe('publicReply');
    expect(zaf.values['comment.text']).toMatch(/^Olá, João![\s\S]*responda ACEITO/);
    expect(zaf.values['ticket.tags']).toEqual(['modulo_fiscal', 'tag_do_agente', 'consultoria_termo_enviado']);
    expect(zaf.values['ticket.subject']).toBe('Editado pelo agente, ainda não salvo');
    // Only what the macro's actions name was written: no subject, status or whole tag list from the saved ticket.
    const setPaths = writes(zaf).filter((c) => c.op === 'set').flatMap((c) => Object.keys(c.args as object));
    expect(setPaths.sort()).toEqual(['comment.type', TIPO_PATH]);
  });

  it('a field Zendesk refuses does not stop the others: they are applied, and the refused ones reported', async () => {
    const { zaf } = setup([TIPO_PATH]);
    const failure = await applyOpeningMacro(zaf.zendesk, ARGS).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MacroPartlyApplied);
    expect((failure as MacroPartlyApplied).parts).toEqual([{ field: `custom_fields_${TIPO}`, reason: 'refused' }]);
    expect(zaf.values['comment.text']).toMatch(/responda ACEITO/);
    expect(zaf.values['ticket.tags']).toContain('consultoria_termo_enviado');
  });

  it('never applies it twice: classified tickets are left alone, and a retry after a partial failure does not double the comment', async () => {
    const done = setup();
    await applyOpeningMacro(done.zaf.zendesk, ARGS);
    const before = writes(done.zaf).length;
    await applyOpeningMacro(done.zaf.zendesk, ARGS);
    expect(writes(done.zaf).length).toBe(before);

    const partial = setup([TIPO_PATH]);
    await applyOpeningMacro(partial.zaf.zendesk, ARGS).catch(() => undefined);
    const text = partial.zaf.values['comment.text'];
    await applyOpeningMacro(partial.zaf.zendesk, ARGS).catch(() => undefined);
    expect(partial.zaf.values['comment.text']).toBe(text);
  });

  it('maps every documented macro action to its ZAF call, with the values Zendesk rendered; actions ZAF cannot apply are reported', async () => {
    const { zaf, rest } = setup();
    const macros = rest.emulator.state.macros as Array<Record<string, unknown>>;
    macros.push({
      ...macros[0],
      id: 7150,
      actions: [
        { field: 'subject', value: 'Consultoria agendada' },
        { field: 'status', value: 'pending' },
        { field: 'priority', value: 'high' },
        { field: 'type', value: 'task' },
        { field: 'group_id', value: '5002' },
        { field: 'assignee_id', value: '2102' },
        { field: 'remove_tags', value: 'tag_do_agente' },
        { field: 'ticket_form_id', value: '8000001' },
        { field: 'comment_value', value: 'Nota interna para {{ticket.requester.first_name}}' },
        { field: 'comment_mode_is_public', value: 'false' },
      ],
    });
    const failure = await applyOpeningMacro(zaf.zendesk, { ...ARGS, macroId: 7150 }).catch((e: unknown) => e);
    expect(zaf.values).toMatchObject({
      'ticket.subject': 'Consultoria agendada',
      'ticket.status': 'pending',
      'ticket.priority': 'high',
      'ticket.type': 'task',
      'ticket.assignee': { groupId: 5002, userId: 2102 },
      'ticket.tags': ['modulo_fiscal'],
      'comment.type': 'internalNote',
      'comment.text': 'Nota interna para João',
    });
    expect((failure as MacroPartlyApplied).parts).toEqual([{ field: 'ticket_form_id', reason: 'unsupported' }]);
  });

  it('set_tags replaces the editor tags with the macro list', async () => {
    const { zaf, rest } = setup();
    const macros = rest.emulator.state.macros as Array<Record<string, unknown>>;
    macros.push({ ...macros[0], id: 7151, actions: [{ field: 'set_tags', value: 'a b' }] });
    await applyOpeningMacro(zaf.zendesk, { ...ARGS, macroId: 7151 });
    expect(zaf.values['ticket.tags']).toEqual(['a', 'b']);
  });
});
