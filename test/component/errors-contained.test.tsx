// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { Suspense } from 'react';
import { Contained } from '../../src/ui/ErrorBoundary';
import { ErrorNotice } from '../../src/ui/ErrorNotice';
import { I18nProvider, loadLocale, lookupMessage } from '../../src/ui/i18n';
import { lazyComponent } from '../../src/ui/lazy-retry';
import en from '../../src/ui/locales/en.json';
import rootEn from '../../src/ui/locales/root-boundary.en.json';
import { RootBoundary } from '../../src/ui/RootBoundary';
import { ZendeskError } from '../../src/zendesk/errors';

const keys = (node: unknown, prefix = ''): string[] =>
  node && typeof node === 'object' ? Object.entries(node).flatMap(([k, v]) => keys(v, `${prefix}${k}.`)) : [prefix.slice(0, -1)];

const inTheme = (ui: React.ReactNode) => render(<ThemeProvider theme={DEFAULT_THEME}>{ui}</ThemeProvider>);

/** A React error boundary logs what it caught: expected here, kept out of the test output. */
beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => {}));
afterEach(() => vi.restoreAllMocks());

describe('ErrorNotice: a bug is not a Zendesk failure', () => {
  it('shows a TypeError of our own code as an internal app error, with a short reference', async () => {
    inTheme(
      <I18nProvider locale="pt-BR">
        <ErrorNotice error={new TypeError("Cannot read properties of undefined (reading 'id')")} />
      </I18nProvider>,
    );
    const notice = await screen.findByTestId('error-notice');
    expect(within(notice).getByText(/^Erro interno do app/)).toBeTruthy();
    expect(within(notice).getByText("Referência: TypeError: Cannot read properties of undefined (reading 'id')")).toBeTruthy();
    expect(within(notice).queryByText(/O Zendesk/)).toBeNull();
  });

  it('still shows a Zendesk failure as one, in English too', async () => {
    await loadLocale('en');
    inTheme(
      <I18nProvider locale="en">
        <ErrorNotice error={new ZendeskError('forbidden', '403')} />
      </I18nProvider>,
    );
    const notice = await screen.findByTestId('error-notice');
    expect(within(notice).getByText('You are not allowed to do this. Ask an admin.')).toBeTruthy();
    expect(within(notice).queryByText(/Reference/)).toBeNull();
  });
});

describe('lazyComponent inside Contained: Retry really retries', () => {
  it('after a failed chunk, Retry imports it again and draws the component; the rest stays', async () => {
    // The file fails until it is served again, as a dropped connection would.
    let serving = false;
    const load = vi.fn(() => (serving ? Promise.resolve({ default: () => <p>seção carregada</p> }) : Promise.reject(new TypeError('Failed to fetch dynamically imported module: https://cdn/Section.js'))));
    const Section = lazyComponent(load);
    inTheme(
      <I18nProvider locale="pt-BR">
        <p>o resto</p>
        <Contained>
          <Suspense fallback={<p>carregando</p>}>
            <Section />
          </Suspense>
        </Contained>
      </I18nProvider>,
    );
    const notice = await screen.findByTestId('error-notice');
    expect(within(notice).getByText(/^Uma parte do app não carregou/)).toBeTruthy();
    expect(screen.getByText('o resto')).toBeTruthy();
    const triesBefore = load.mock.calls.length;

    serving = true;
    await userEvent.click(within(notice).getByRole('button', { name: 'Tentar de novo' }));
    expect(await screen.findByText('seção carregada')).toBeTruthy();
    expect(screen.queryByTestId('error-notice')).toBeNull();
    expect(load.mock.calls.length).toBe(triesBefore + 1);
  });

  it('a render error inside is contained too and shown as internal', async () => {
    function Broken(): React.ReactNode {
      throw new TypeError('x.map is not a function');
    }
    inTheme(
      <I18nProvider locale="pt-BR">
        <p>o resto</p>
        <Contained>
          <Broken />
        </Contained>
      </I18nProvider>,
    );
    const notice = await screen.findByTestId('error-notice');
    expect(within(notice).getByText('Referência: TypeError: x.map is not a function')).toBeTruthy();
    expect(screen.getByText('o resto')).toBeTruthy();
  });
});

describe('RootBoundary: the last resort, drawn without any download', () => {
  let broken = true;
  function MaybeBroken() {
    if (broken) throw new TypeError('Cannot read properties of null');
    return <p>app de volta</p>;
  }
  afterEach(() => {
    document.documentElement.lang = 'pt-BR';
    broken = true;
  });

  it('carries its English strings as en.json has them, word for word', () => {
    expect(keys(rootEn).length).toBeGreaterThan(0);
    for (const key of keys(rootEn)) expect([key, lookupMessage(rootEn, key)]).toEqual([key, lookupMessage(en, key)]);
  });

  it('shows a plain message in pt-BR by default, with a reference, and Retry renders the app again', async () => {
    render(
      <RootBoundary>
        <MaybeBroken />
      </RootBoundary>,
    );
    const failure = screen.getByTestId('app-failure');
    expect(failure.getAttribute('role')).toBe('alert');
    expect(within(failure).getByText('Não foi possível concluir')).toBeTruthy();
    expect(within(failure).getByText(/^Erro interno do app/)).toBeTruthy();
    expect(within(failure).getByText('Referência: TypeError: Cannot read properties of null')).toBeTruthy();
    broken = false;
    await userEvent.click(within(failure).getByRole('button', { name: 'Tentar de novo' }));
    expect(screen.getByText('app de volta')).toBeTruthy();
    expect(screen.queryByTestId('app-failure')).toBeNull();
  });

  it('speaks English once the agent’s locale is known to be English', () => {
    document.documentElement.lang = 'en';
    render(
      <RootBoundary>
        <MaybeBroken />
      </RootBoundary>,
    );
    const failure = screen.getByTestId('app-failure');
    expect(within(failure).getByText('Could not complete')).toBeTruthy();
    expect(within(failure).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('a chunk failure that reaches it says so, and Retry imports the chunk again', async () => {
    let serving = false;
    const load = vi.fn(() => (serving ? Promise.resolve({ default: () => <p>painel</p> }) : Promise.reject(new TypeError('Failed to fetch dynamically imported module'))));
    const Panel = lazyComponent(load);
    render(
      <RootBoundary>
        <Suspense fallback={null}>
          <Panel />
        </Suspense>
      </RootBoundary>,
    );
    const failure = await screen.findByTestId('app-failure');
    expect(within(failure).getByText(/^Uma parte do app não carregou/)).toBeTruthy();
    serving = true;
    await userEvent.click(within(failure).getByRole('button', { name: 'Tentar de novo' }));
    expect(await screen.findByText('painel')).toBeTruthy();
  });
});
