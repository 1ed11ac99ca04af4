// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { AppContext } from '../../src/app/app-context';
import TicketSidebar from '../../src/app/TicketSidebar';
import { parseSettings } from '../../src/procedure/settings';
import { ZendeskError } from '../../src/zendesk/errors';
import { emulatorZendesk } from '../support/emulator-transport';
import { fakeZendesk as bareFake, sandboxSettings, zafTicket } from '../support/fake-zendesk';

/** ZAF faked in memory; REST answered by the sandbox's Zendesk emulator (audits, schedule, macros, users). */
const fakeZendesk = (initial: Record<string, unknown>, options: { errors?: Record<string, string> } = {}) => bareFake(initial, { ...options, request: emulatorZendesk().zendesk.request });

function renderSidebar(fake: ReturnType<typeof fakeZendesk>, rawSettings: Record<string, unknown> = sandboxSettings) {
  return render(
    <ThemeProvider theme={DEFAULT_THEME}>
      <AppContext.Provider value={{ zendesk: fake.zendesk, location: 'ticket_sidebar', ...parseSettings(rawSettings) }}>
        <TicketSidebar />
      </AppContext.Provider>
    </ThemeProvider>,
  );
}

describe('Sidebar checklist', () => {
  it('shows the title step as to do and adds the prefix exactly once', async () => {
    const fake = fakeZendesk(zafTicket({ 'ticket.subject': '[consult tecnica]  Conciliação' }));
    renderSidebar(fake);
    const step = await screen.findByTestId('step-title');
    expect(step.dataset.status).toBe('open');
    expect(screen.getByTestId('step-demand_reply').dataset.status).toBe('next');
    expect(within(step).getByText('Ficará: [CONSULT TÉCNICA] Conciliação')).toBeTruthy();

    const button = within(step).getByRole('button', { name: 'Adicionar o prefixo' });
    await userEvent.click(button);
    await waitFor(() => expect(screen.getByTestId('step-title').dataset.status).toBe('done'));
    expect(fake.values['ticket.subject']).toBe('[CONSULT TÉCNICA] Conciliação');
    expect(fake.calls.filter((c) => c.op === 'set')).toHaveLength(1);
  });

  it('shows Data controle as done with the date in the agent language', async () => {
    const fake = fakeZendesk(zafTicket({ 'ticket.customField:custom_field_9000002': '2026-12-01', currentUser: { id: 2005, name: 'Eduardo', role: 'agent', locale: 'en-US', groups: [] } }));
    renderSidebar(fake);
    const step = await screen.findByTestId('step-date');
    expect(step.dataset.status).toBe('done');
    expect(within(step).getByText('Data controle: 12/1/2026')).toBeTruthy();
  });

  it('tells an admin which setting is broken, by its label, and disables only that step', async () => {
    const fake = fakeZendesk(zafTicket({ currentUser: { id: 2201, name: 'Admin', role: 'admin', locale: 'pt-BR', groups: [] } }));
    renderSidebar(fake, { ...sandboxSettings, data_controle_field_id: 'abc' });
    const notice = await screen.findByTestId('settings-notice');
    await waitFor(() => expect(within(notice).getByText('ID do campo “Data controle”: valor inválido')).toBeTruthy());
    expect(screen.getByTestId('step-date').dataset.status).toBe('unavailable');
    expect(screen.getByTestId('step-title').dataset.status).toBe('open');
  });

  it('tells an agent to ask the admin, without the setting list', async () => {
    const fake = fakeZendesk(zafTicket());
    renderSidebar(fake, { ...sandboxSettings, title_prefix: '' });
    const notice = await screen.findByTestId('settings-notice');
    expect(within(notice).getByText(/Peça ao administrador/)).toBeTruthy();
    expect(within(notice).queryByText(/Prefixo do título/)).toBeNull();
  });

  it('turns a failed load into a translated error with a retry that recovers', async () => {
    const fake = fakeZendesk(zafTicket());
    fake.failNextWith(new ZendeskError('timeout', 'Timeout when invoking "get"'));
    renderSidebar(fake);
    // Before the first answer the agent's Zendesk locale is unknown: the browser's (jsdom: en-US) is used.
    const notice = await screen.findByTestId('error-notice');
    expect(within(notice).getByText('Zendesk took too long to answer.')).toBeTruthy();
    await userEvent.click(within(notice).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('step-title')).toBeTruthy();
    expect(screen.queryByTestId('error-notice')).toBeNull();
  });

  it('keeps the ticket unchanged and offers a retry when setting the subject fails', async () => {
    const fake = fakeZendesk(zafTicket());
    renderSidebar(fake);
    const step = await screen.findByTestId('step-title');
    await waitFor(() => expect(fake.calls.some((c) => c.op === 'get')).toBe(true));
    fake.failNextWith(new ZendeskError('zaf', 'ticket.subject: refused'));
    await userEvent.click(within(step).getByRole('button', { name: 'Adicionar o prefixo' }));
    expect(await within(step).findByTestId('error-notice')).toBeTruthy();
    expect(fake.values['ticket.subject']).toBe('Nota gravada com valor negativo');
    await userEvent.click(within(step).getByRole('button', { name: 'Tentar de novo' }));
    await waitFor(() => expect(fake.values['ticket.subject']).toBe('[CONSULT TÉCNICA] Nota gravada com valor negativo'));
  });

  it('applies the opening macro field by field and names, translated, what Zendesk refused', async () => {
    const fake = fakeZendesk(
      zafTicket({
        'ticket.id': 102,
        'ticket.subject': 'Erro ao transmitir NF-e pelo telefone',
        'ticket.via': { channel: 'voice', source: { rel: 'inbound' } },
        'ticket.tags': ['modulo_fiscal'],
        'ticket.requester': { id: 1002, name: 'João Lima', email: 'joao@example.com' },
        'ticket.customField:custom_field_9000001': null,
        'ticket.customField:custom_field_9000003': 'modulo_fiscal',
        'comment.text': '',
      }),
    );
    const { set } = fake.zendesk;
    fake.zendesk.set = async (changes) => {
      if ('ticket.customField:custom_field_9000001' in changes) throw new ZendeskError('zaf', 'ticket.customField:custom_field_9000001: not allowed', { detail: 'ticket.customField:custom_field_9000001' });
      return set(changes);
    };
    renderSidebar(fake);
    const step = await screen.findByTestId('step-classify');
    const button = await within(step).findByRole('button', { name: 'Aplicar a macro de abertura' });
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    await userEvent.click(button);
    const leftOut = await within(step).findByTestId('macro-left-out');
    expect(leftOut.textContent).toBe('A macro foi aplicada, menos: campo 9000001. Confira esses itens antes de enviar o ticket.');
    expect(fake.calls.some((c) => c.op === 'invoke' && (c.args as unknown[])[0] === 'macro')).toBe(false);
    expect(fake.calls.some((c) => c.op === 'invoke' && (c.args as unknown[])[0] === 'comment.appendText')).toBe(true);
    expect(fake.calls.some((c) => c.op === 'invoke' && (c.args as unknown[])[0] === 'ticket.tags.add')).toBe(true);
  });

  it('re-derives when Zendesk says the subject changed elsewhere', async () => {
    const fake = fakeZendesk(zafTicket());
    renderSidebar(fake);
    await screen.findByTestId('step-title');
    fake.values['ticket.subject'] = '[CONSULT TÉCNICA] Nota gravada com valor negativo';
    fake.fire('ticket.subject.changed');
    await waitFor(() => expect(screen.getByTestId('step-title').dataset.status).toBe('done'));
  });
});
