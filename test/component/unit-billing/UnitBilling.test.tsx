// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { AppContext } from '../../../src/app/app-context';
import TicketSidebar from '../../../src/app/TicketSidebar';
import { parseSettings } from '../../../src/procedure/settings';
import { APONTAMENTO_OBJECT } from '../../../src/zendesk/apontamentos';
import { UNIT_APPROVAL_OBJECT } from '../../../src/zendesk/unit-approvals';
import { emulatorZendesk } from '../../support/emulator-transport';
import { fakeZendesk, sandboxSettings, zafTicket } from '../../support/fake-zendesk';

const DIANA = { id: 2004, name: 'Diana Rocha', role: 'agent', locale: 'pt-BR', groups: [{ id: 5002, name: 'Suporte Financeiro' }] };
const DRAFT_KEY = 'consultoria:unit-draft:sandbox:103:2004';
/** Check digits computed by hand (mod 11 over 1122233300 01): 11.222.333/0001-81. */
const NUMERIC_CNPJ = '11222333000181';
const ALPHANUMERIC_CNPJ = '12.ABC.345/01DE-35';
const UNIT_TAGS = ['tipo_consultoria_tecnica', 'consultoria_unidade'];

type Rest = ReturnType<typeof emulatorZendesk>;

function renderSidebar(overrides: Record<string, unknown> = {}, rest: Rest = emulatorZendesk({ userId: 2004 }), settings: Record<string, unknown> = sandboxSettings) {
  const fake = fakeZendesk(zafTicket({ 'ticket.id': 103, 'ticket.tags': UNIT_TAGS, currentUser: DIANA, 'comment.text': '', ...overrides }), { request: rest.zendesk.request });
  fake.zendesk.context = async () => ({ location: 'ticket_sidebar', account: { subdomain: 'sandbox' } });
  const invoke = fake.zendesk.invoke.bind(fake.zendesk);
  fake.zendesk.invoke = async (name, ...args) => {
    if (name === 'comment.appendText') fake.values['comment.text'] = `${String(fake.values['comment.text'] ?? '')}${String(args[0])}`;
    return invoke(name, ...args);
  };
  const view = render(
    <ThemeProvider theme={DEFAULT_THEME}>
      <AppContext.Provider value={{ zendesk: fake.zendesk, location: 'ticket_sidebar', ...parseSettings(settings) }}>
        <TicketSidebar />
      </AppContext.Provider>
    </ThemeProvider>,
  );
  const records = (key: string) => (rest.emulator.state.customObjectRecords[key] ?? []) as Array<{ external_id: string; custom_object_fields: Record<string, unknown> }>;
  return { fake, rest, records, view };
}

const invoked = (fake: ReturnType<typeof fakeZendesk>, name: string) => fake.calls.filter((c) => c.op === 'invoke' && (c.args as unknown[])[0] === name).map((c) => (c.args as unknown[]).slice(1));
const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
const type = (testId: string, value: string) => fireEvent.change(input(testId), { target: { value } });
const errorOf = (field: string) => screen.queryByTestId(`unit-error-${field}`)?.textContent ?? null;

function fillValid() {
  type('unit-unitName', 'Unidade Sul');
  type('unit-unitCode', 'US01');
  type('unit-responsibleName', 'Renata Franco');
  type('unit-responsibleEmail', 'renata.franco@unidade-sul.com.br');
  fireEvent.click(screen.getByTestId('unit-kind-faturamento'));
  type('unit-cnpj', ALPHANUMERIC_CNPJ);
  type('unit-razaoSocial', 'Unidade Sul Ltda');
  type('unit-billingEmail', 'financeiro@unidade-sul.com.br');
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('Unit billing: the form', () => {
  it('refuses an invalid CNPJ and accepts numeric and alphanumeric ones, shown formatted as typed', async () => {
    renderSidebar();
    await screen.findByTestId('unit-form', {}, { timeout: 5000 });
    fireEvent.click(screen.getByTestId('unit-kind-faturamento'));
    type('unit-cnpj', '11222333000182');
    expect(input('unit-cnpj').value).toBe('11.222.333/0001-82');
    expect(errorOf('cnpj')).toBe('CNPJ inválido: confira os dígitos verificadores.');
    type('unit-cnpj', '1122233');
    expect(errorOf('cnpj')).toBe('CNPJ incompleto: são 14 caracteres.');
    type('unit-cnpj', NUMERIC_CNPJ);
    expect(input('unit-cnpj').value).toBe('11.222.333/0001-81');
    expect(errorOf('cnpj')).toBeNull();
    type('unit-cnpj', ALPHANUMERIC_CNPJ);
    expect(errorOf('cnpj')).toBeNull();
    // Lower case is how people type it: upper-cased, masked, accepted.
    type('unit-cnpj', '12abc34501de35');
    expect(input('unit-cnpj').value).toBe(ALPHANUMERIC_CNPJ);
    expect(errorOf('cnpj')).toBeNull();
  });

  it('handles bad input with a message and loses nothing, across a remount (reload)', async () => {
    const first = renderSidebar();
    await screen.findByTestId('unit-form', {}, { timeout: 5000 });
    const long = 'x'.repeat(10_000);
    type('unit-unitName', long);
    expect(errorOf('unitName')).toBe('Texto longo demais para este campo.');
    expect(input('unit-unitName').value).toHaveLength(10_000);
    type('unit-unitCode', '<b>US</b>');
    expect(errorOf('unitCode')).toBe('Os caracteres < e > não são aceitos neste campo.');
    type('unit-responsibleName', 'Renata 🎉');
    expect(errorOf('responsibleName')).toBe('Emojis não são aceitos neste campo.');
    type('unit-responsibleEmail', '  renata.franco@unidade-sul.com.br  ');
    expect(errorOf('responsibleEmail')).toBeNull();
    fireEvent.click(screen.getByTestId('unit-kind-faturamento'));
    type('unit-cnpj', `${ALPHANUMERIC_CNPJ} <script>`);
    expect(input('unit-cnpj').value).toBe(`${ALPHANUMERIC_CNPJ} <script>`);
    expect(errorOf('cnpj')).toBe('O CNPJ tem apenas letras, números e os separadores . / -');
    expect(JSON.parse(localStorage.getItem(DRAFT_KEY)!)).toMatchObject({ unitName: long, unitCode: '<b>US</b>', kind: 'faturamento' });
    // Nothing is saved while anything is wrong.
    fireEvent.click(screen.getByTestId('unit-save'));
    expect(await screen.findByTestId('unit-error-razaoSocial')).toBeTruthy();
    expect(first.records(UNIT_APPROVAL_OBJECT)).toHaveLength(0);

    first.view.unmount();
    renderSidebar();
    await screen.findByTestId('unit-form', {}, { timeout: 5000 });
    expect(input('unit-unitName').value).toBe(long);
    expect(input('unit-responsibleName').value).toBe('Renata 🎉');
    expect(input('unit-cnpj').value).toBe(`${ALPHANUMERIC_CNPJ} <script>`);
  });

  it('saves the record by ticket (one upsert, payload = the validated JSON) and inserts the approval request once', async () => {
    const { fake, records } = renderSidebar();
    await screen.findByTestId('unit-form', {}, { timeout: 5000 });
    fillValid();
    type('unit-responsibleName', '  Renata Franco  ');
    fireEvent.click(screen.getByTestId('unit-save'));
    await screen.findByTestId('unit-saved');
    const [record] = records(UNIT_APPROVAL_OBJECT);
    expect(record!.external_id).toBe('unidade-103');
    expect(record!.custom_object_fields.ticket).toBe('103');
    const payload = JSON.parse(String(record!.custom_object_fields.payload));
    expect(payload).toEqual({
      unit: { name: 'Unidade Sul', code: 'US01' },
      responsible: { name: 'Renata Franco', email: 'renata.franco@unidade-sul.com.br' },
      alternative: { kind: 'faturamento', cnpj: '12ABC34501DE35', razaoSocial: 'Unidade Sul Ltda', billingEmail: 'financeiro@unidade-sul.com.br' },
    });
    expect(localStorage.getItem(DRAFT_KEY)).toBeNull();

    fireEvent.click(screen.getByTestId('unit-request'));
    await screen.findByTestId('unit-requested');
    fireEvent.click(screen.getByTestId('unit-request'));
    await waitFor(() => expect(invoked(fake, 'comment.appendText')).toHaveLength(1));
    expect(fake.values['comment.type']).toBe('publicReply');
    expect(String(fake.values['comment.text'])).toContain('CNPJ: 12.ABC.345/01DE-35');
    expect(records(UNIT_APPROVAL_OBJECT)).toHaveLength(1);
  });
});

describe('Unit billing: the approval and its consequences', () => {
  it('lists the responsible person’s comments, links one, makes the Apontamentos REPASSE and prepares the billing request', async () => {
    const rest = emulatorZendesk({ userId: 2004 });
    const put = (key: string, minutes: number) =>
      rest.emulator.handle({
        method: 'PATCH',
        url: `/api/v2/custom_objects/${APONTAMENTO_OBJECT}/records?external_id=${key}`,
        headers: { 'X-Sandbox-User-Id': '2004' },
        body: { custom_object_record: { name: key, external_id: key, custom_object_fields: { ticket: '103', analyst: '2004', start: '2026-11-20T13:00:00.000Z', minutes, channel: 'remote', faturavel: true, aceita: 'sim' } } },
      });
    await put('103-a', 50);
    await put('103-b', 25);
    const { fake, records } = renderSidebar({}, rest, { ...sandboxSettings, consultoria_protheus_lead_email: 'lider.protheus@example.com' });
    await screen.findByTestId('unit-form', {}, { timeout: 5000 });
    fillValid();
    fireEvent.click(screen.getByTestId('unit-save'));
    const section = await screen.findByTestId('unit-approval-section');
    const candidate = await within(section).findByTestId('unit-candidate');
    expect(within(candidate).getByTestId('unit-comment-text').textContent).toMatch(/^Olá, sou a Renata/);
    expect(within(candidate).getByTestId('unit-comment').textContent).toContain('Renata Franco');

    // A comment id that is not this ticket's is refused, nothing linked.
    type('unit-comment-id', '999999');
    fireEvent.click(screen.getByTestId('unit-link-by-id'));
    expect(await screen.findByTestId('unit-comment-not-found')).toBeTruthy();
    expect(invoked(fake, 'ticket.tags.add')).toHaveLength(0);

    fireEvent.click(within(candidate).getByTestId('unit-use-comment'));
    await screen.findByTestId('unit-linked');
    const commentId = Number(candidate.querySelector('[data-comment-id]')!.getAttribute('data-comment-id'));
    expect(records(UNIT_APPROVAL_OBJECT)[0]!.custom_object_fields.approval_comment).toBe(String(commentId));
    expect(invoked(fake, 'ticket.tags.add')).toEqual([[['consultoria_unidade_aprovada']]]);

    // Linked to the wrong comment: undone before the service starts (the record forgets the comment,
    // the tag leaves the editor), then the right one is linked.
    fake.values['ticket.tags'] = [...(fake.values['ticket.tags'] as string[]), 'consultoria_unidade_aprovada'];
    fireEvent.click(screen.getByTestId('unit-unlink'));
    await within(section).findAllByTestId('unit-candidate');
    expect(screen.queryByTestId('unit-linked')).toBeNull();
    expect(records(UNIT_APPROVAL_OBJECT)[0]!.custom_object_fields.approval_comment ?? null).toBeNull();
    expect(invoked(fake, 'ticket.tags.remove')).toEqual([[['consultoria_unidade_aprovada']]]);
    fireEvent.click(within((await within(section).findAllByTestId('unit-candidate'))[0]!).getByTestId('unit-use-comment'));
    await screen.findByTestId('unit-linked');
    expect(records(UNIT_APPROVAL_OBJECT)[0]!.custom_object_fields.approval_comment).toBe(String(commentId));

    await waitFor(() => expect(screen.getByTestId('unit-repasse-count').textContent).toBe('2 apontamento(s) não faturável(is) (REPASSE).'));
    for (const r of records(APONTAMENTO_OBJECT)) expect(r.custom_object_fields).toMatchObject({ faturavel: false, aceita: 'nao_repasse' });
    const text = (screen.getByTestId('unit-billing-text') as HTMLTextAreaElement).value;
    expect(text).toContain('Horas apontadas: 1h15 (1,25 h)');
    expect(text).toContain(`Autorização: https://sandbox.zendesk.com/agent/tickets/103#comment-${commentId}`);
    expect(screen.getByTestId('unit-mailto').getAttribute('href')).toMatch(/^mailto:lider\.protheus@example\.com\?subject=/);

    fireEvent.click(screen.getByTestId('unit-note'));
    await screen.findByTestId('unit-noted');
    fireEvent.click(screen.getByTestId('unit-note'));
    await waitFor(() => expect(invoked(fake, 'comment.appendText')).toHaveLength(1));
    expect(fake.values['comment.type']).toBe('internalNote');
    expect(fake.values['comment.text']).toBe(text);

    // Copy: with no clipboard (an iframe without permission) the agent is told how to copy by hand.
    fireEvent.click(screen.getByTestId('unit-copy'));
    expect((await screen.findByTestId('unit-copy_failed')).textContent).toContain('Ctrl+C');
  });

  it('offers "the Unit pays" on an unmarked ticket only, and it adds the tag in the editor', async () => {
    const { fake } = renderSidebar({ 'ticket.tags': ['tipo_consultoria_tecnica'] });
    fireEvent.click(await screen.findByTestId('action-unit-pays', {}, { timeout: 5000 }));
    await waitFor(() => expect(invoked(fake, 'ticket.tags.add')).toEqual([[['consultoria_unidade']]]));
    expect(screen.queryByTestId('unit-form')).toBeNull();
    cleanup();
    renderSidebar();
    await screen.findByTestId('unit-form', {}, { timeout: 5000 });
    expect(screen.queryByTestId('action-unit-pays')).toBeNull();
  });

  it('does not offer "the Unit pays" on a ticket that is not a consulting one', async () => {
    renderSidebar({ 'ticket.tags': [], 'ticket.customField:custom_field_9000001': 'tipo_duvida' });
    await screen.findByTestId('checklist', {}, { timeout: 5000 });
    // The button would come with the parts drawn after the first paint: give them that time.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByTestId('action-unit-pays')).toBeNull();
  });
});
