// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { AppContext } from '../../../src/app/app-context';
import TicketSidebar from '../../../src/app/TicketSidebar';
import { toStartText } from '../../../src/features/time-log/draft';
import { serialize, start } from '../../../src/procedure/session-timer';
import { parseSettings } from '../../../src/procedure/settings';
import { APONTAMENTO_OBJECT } from '../../../src/zendesk/apontamentos';
import { emulatorZendesk } from '../../support/emulator-transport';
import { fakeZendesk, sandboxSettings, zafTicket } from '../../support/fake-zendesk';

type Setup = ReturnType<typeof emulatorZendesk>;
const ANA = { id: 2001, name: 'Ana Pereira', role: 'agent', locale: 'pt-BR', groups: [{ id: 5001, name: 'Suporte Faturamento' }] };
const TIMER_KEY = 'consultoria:timer:sandbox:101:2001';

function renderSidebar(overrides: Record<string, unknown> = {}, rawSettings: Record<string, unknown> = sandboxSettings) {
  const rest: Setup = emulatorZendesk();
  const fake = fakeZendesk(zafTicket({ currentUser: ANA, 'comment.text': '', ...overrides }), { request: rest.zendesk.request });
  fake.zendesk.context = async () => ({ location: 'ticket_sidebar', account: { subdomain: 'sandbox' } });
  // The editor as Zendesk keeps it: appendText adds to the draft comment.
  const invoke = fake.zendesk.invoke.bind(fake.zendesk);
  fake.zendesk.invoke = async (name, ...args) => {
    if (name === 'comment.appendText') fake.values['comment.text'] = `${String(fake.values['comment.text'] ?? '')}${String(args[0])}`;
    return invoke(name, ...args);
  };
  render(
    <ThemeProvider theme={DEFAULT_THEME}>
      <AppContext.Provider value={{ zendesk: fake.zendesk, location: 'ticket_sidebar', ...parseSettings(rawSettings) }}>
        <TicketSidebar />
      </AppContext.Provider>
    </ThemeProvider>,
  );
  const records = () => (rest.emulator.state.customObjectRecords[APONTAMENTO_OBJECT] ?? []) as Array<{ external_id: string; custom_object_fields: Record<string, unknown> }>;
  return { fake, rest, records };
}

const appended = (fake: ReturnType<typeof fakeZendesk>) => fake.calls.filter((c) => c.op === 'invoke' && (c.args as unknown[])[0] === 'comment.appendText');

async function openManualForm() {
  await userEvent.click(await screen.findByTestId('timer-manual', {}, { timeout: 5000 }));
  return screen.getByTestId('session-form');
}

function fillValid(form: HTMLElement, description = 'Conferida a numeração das notas') {
  fireEvent.change(within(form).getByTestId('form-start'), { target: { value: toStartText(Date.now() - 60 * 60_000) } });
  fireEvent.change(within(form).getByTestId('form-minutes'), { target: { value: '25' } });
  fireEvent.click(within(form).getByTestId('form-channel-remote'));
  fireEvent.change(within(form).getByTestId('form-description'), { target: { value: description } });
  fireEvent.change(within(form).getByTestId('form-outcome'), { target: { value: 'Notas retransmitidas.' } });
}

beforeEach(() => localStorage.clear());

describe('Time log', () => {
  it('starts the timer, and a stopped one opens the form prefilled with its start and rounded minutes', async () => {
    const startedAt = Date.now() - 3.5 * 60_000;
    localStorage.setItem(TIMER_KEY, serialize(start(startedAt)));
    renderSidebar();
    const card = await screen.findByTestId('timer-card', {}, { timeout: 5000 });
    expect(card.dataset.status).toBe('running');
    expect(within(card).getByTestId('timer-status').textContent).toBe('Em andamento');
    expect(within(card).getByTestId('timer-elapsed').textContent).toMatch(/^0:03:3\d$/);

    await userEvent.click(within(card).getByTestId('timer-stop'));
    const form = await screen.findByTestId('session-form');
    expect((within(form).getByTestId('form-minutes') as HTMLInputElement).value).toBe('4');
    expect((within(form).getByTestId('form-start') as HTMLInputElement).value).toBe(toStartText(startedAt));
    expect(JSON.parse(localStorage.getItem('consultoria:session-draft:sandbox:101:2001')!).minutes).toBe('4');
  });

  it('start → pause by leaving the ticket → resume on return, stored under the account/ticket/agent key', async () => {
    const { fake } = renderSidebar();
    await userEvent.click(await screen.findByTestId('timer-start', {}, { timeout: 5000 }));
    expect(screen.getByTestId('timer-card').dataset.status).toBe('running');
    expect(JSON.parse(localStorage.getItem(TIMER_KEY)!).state.status).toBe('running');
    fake.fire('app.deactivated');
    await waitFor(() => expect(screen.getByTestId('timer-status').textContent).toBe('Pausado (fora do ticket)'));
    fake.fire('app.activated');
    await waitFor(() => expect(screen.getByTestId('timer-card').dataset.status).toBe('running'));
  });

  it('translates every bad input as the agent types', async () => {
    renderSidebar();
    const form = await openManualForm();
    const minutes = within(form).getByTestId('form-minutes');
    fireEvent.change(minutes, { target: { value: '-5' } });
    expect(within(form).getByTestId('error-minutes').textContent).toBe('Mínimo de 1 minuto.');
    fireEvent.change(minutes, { target: { value: '100000' } });
    expect(within(form).getByTestId('error-minutes').textContent).toBe('Máximo de 720 minutos (12 h).');
    fireEvent.change(within(form).getByTestId('form-start'), { target: { value: toStartText(Date.now() + 2 * 86_400_000) } });
    expect(within(form).getByTestId('error-start').textContent).toBe('O início está no futuro.');
    const description = within(form).getByTestId('form-description');
    fireEvent.change(description, { target: { value: '   ' } });
    expect(within(form).getByTestId('error-description').textContent).toBe('Descreva o que foi analisado.');
    fireEvent.change(description, { target: { value: 'x'.repeat(10_000) } });
    expect(within(form).getByTestId('error-description').textContent).toBe('Texto longo demais (máx. 4000 caracteres).');
  });

  it('refuses to save an invalid form: every problem shown, nothing sent', async () => {
    const { fake, records } = renderSidebar();
    const form = await openManualForm();
    await userEvent.click(within(form).getByTestId('form-save'));
    expect(within(form).getByTestId('error-start').textContent).toBe('Informe a data e a hora de início.');
    expect(within(form).getByTestId('error-channel').textContent).toBe('Escolha o canal.');
    expect(appended(fake)).toHaveLength(0);
    expect(records()).toHaveLength(0);
  });

  it('saves once, however often clicked: the public comment in the editor and one record; HTML stays text', async () => {
    const html = '<b>negrito</b><img src=x onerror=alert(1)>';
    const { fake, records } = renderSidebar();
    const form = await openManualForm();
    fillValid(form, html);
    const save = within(form).getByTestId('form-save');
    fireEvent.click(save);
    fireEvent.click(save);
    await screen.findByTestId('timelog-saved');
    await waitFor(() => expect(records()).toHaveLength(1));
    const [record] = records();
    expect(record!.custom_object_fields).toMatchObject({ ticket: '101', analyst: '2001', minutes: 25, channel: 'remote', description: html, faturavel: true, aceita: 'sim' });

    expect(appended(fake)).toHaveLength(1);
    expect(fake.values['comment.type']).toBe('publicReply');
    const comment = String(fake.values['comment.text']);
    expect(comment).toContain('Duração: 25 min');
    expect(comment).toContain(html);

    const row = await screen.findByTestId('timelog-record');
    expect(within(row).getByTestId('record-description').textContent).toBe(html);
    expect(row.querySelector('b, img')).toBeNull();
    expect(screen.getByTestId('total-billed').textContent).toBe('A faturar (mínimo 10 min): 25 min');
    expect(localStorage.getItem('consultoria:session-draft:sandbox:101:2001')).toBeNull();
  });

  it('a refused copy to the Apontamento app leaves the record saved in Zendesk, with the copy as its own state and a retry', async () => {
    const MIRROR = 'https://apontamento.example.com/api/apontamentos';
    const { fake, records } = renderSidebar({}, { ...sandboxSettings, apontamento_url: MIRROR });
    const mirrored: string[] = [];
    let mirrorStatus = 403;
    fake.zendesk.transport = {
      request: async (options) => {
        mirrored.push(String(options.url));
        return mirrorStatus < 300 ? { status: mirrorStatus, responseJSON: {} } : Promise.reject({ status: mirrorStatus, statusText: 'Forbidden' });
      },
    };
    const form = await openManualForm();
    fillValid(form);
    fireEvent.click(within(form).getByTestId('form-save'));
    await waitFor(() => expect(records()).toHaveLength(1));
    await waitFor(() => expect(mirrored).toEqual([MIRROR]));

    // In Zendesk: a stored record, not "não enviado".
    const row = await screen.findByTestId('timelog-record');
    expect(screen.queryByTestId('timelog-pending')).toBeNull();
    const copy = await within(row).findByTestId('record-mirror');
    expect(copy.textContent).toContain('Salvo no Zendesk; a cópia para o app Apontamento não foi enviada');
    expect(within(copy).getByTestId('error-notice')).toBeTruthy();

    mirrorStatus = 201;
    await userEvent.click(within(copy).getByTestId('mirror-retry'));
    await waitFor(() => expect(within(row).queryByTestId('record-mirror')).toBeNull());
    expect(mirrored).toEqual([MIRROR, MIRROR]);
    // The retry sends the copy only: Zendesk's record was not written again.
    expect(records()).toHaveLength(1);
  });

  it('makes a Unit-paid session non-billable (REPASSE) and says so', async () => {
    const { records } = renderSidebar({ 'ticket.tags': ['tipo_consultoria_tecnica', 'consultoria_unidade'] });
    const form = await openManualForm();
    expect(within(form).getByTestId('unit-pays')).toBeTruthy();
    fillValid(form);
    fireEvent.click(within(form).getByTestId('form-save'));
    await waitFor(() => expect(records()).toHaveLength(1));
    expect(records()[0]!.custom_object_fields).toMatchObject({ faturavel: false, aceita: 'nao_repasse' });
    await waitFor(() => expect(screen.getByTestId('total-billed').textContent).toBe('A faturar (mínimo 10 min): 0 min'));
  });

  it('lets a lead, and only a lead, turn "Consultoria aceita" to NÃO with a reason', async () => {
    const agent = renderSidebar();
    fillValid(await openManualForm());
    fireEvent.click(screen.getByTestId('form-save'));
    const row = await screen.findByTestId('timelog-record');
    expect(within(row).getByTestId('record-edit')).toBeTruthy();
    expect(within(row).queryByTestId('record-turn')).toBeNull();
    const key = agent.records()[0]!.external_id;
    cleanup();

    // The lead of modulo_faturamento (2101) on the same ticket, against the same records.
    const lead = { ...ANA, id: 2101, name: 'Lia Lead' };
    const rest = agent.rest;
    const fake = fakeZendesk(zafTicket({ currentUser: lead }), { request: rest.zendesk.request });
    fake.zendesk.context = async () => ({ location: 'ticket_sidebar', account: { subdomain: 'sandbox' } });
    render(
      <ThemeProvider theme={DEFAULT_THEME}>
        <AppContext.Provider value={{ zendesk: fake.zendesk, location: 'ticket_sidebar', ...parseSettings(sandboxSettings) }}>
          <TicketSidebar />
        </AppContext.Provider>
      </ThemeProvider>,
    );
    const leadRow = await screen.findByTestId('timelog-record', {}, { timeout: 5000 });
    expect(within(leadRow).queryByTestId('record-edit')).toBeNull(); // not the lead's own record
    await userEvent.click(within(leadRow).getByTestId('record-turn'));
    fireEvent.change(within(leadRow).getByTestId('turn-reason'), { target: { value: 'GESTÃO' } });
    await userEvent.click(within(leadRow).getByTestId('turn-confirm'));
    await waitFor(() => expect(agent.records().find((r) => r.external_id === key)!.custom_object_fields.aceita).toBe('nao_gestao'));
    await waitFor(() => expect(within(screen.getByTestId('timelog-record')).getByTestId('record-billing').textContent).toBe('Faturável · Não aceita (GESTÃO)'));
  });
});
