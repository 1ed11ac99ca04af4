// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { Notice } from '../../src/ui/notice/Notice';

// The Alert's chunk does not arrive (offline, a deploy replacing the assets): its import rejects.
vi.mock('../../src/ui/notice/NoticeView', () => {
  throw new TypeError('Failed to fetch dynamically imported module: https://cdn/NoticeView.js');
});

beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => {}));
afterEach(() => vi.restoreAllMocks());

describe('Notice without its chunk', () => {
  it('keeps its words as plain text, with its role and its way out, instead of vanishing', async () => {
    render(
      <ThemeProvider theme={DEFAULT_THEME}>
        <p>o resto</p>
        <Notice type="error" title="Não foi possível concluir" paragraphs={['O Zendesk demorou demais para responder.']} testId="error-notice">
          <button type="button">Tentar de novo</button>
        </Notice>
      </ThemeProvider>,
    );
    // Give the rejected import time to reach React.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const notice = await screen.findByTestId('error-notice');
    expect(notice.getAttribute('role')).toBe('alert');
    expect(within(notice).getByText('Não foi possível concluir')).toBeTruthy();
    expect(within(notice).getByText('O Zendesk demorou demais para responder.')).toBeTruthy();
    expect(within(notice).getByRole('button', { name: 'Tentar de novo' })).toBeTruthy();
    expect(screen.getByText('o resto')).toBeTruthy();
  });
});
