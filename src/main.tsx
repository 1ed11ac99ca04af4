// The handshake's module (already run by its own script tag in the built page, see vite.config.ts).
import { early } from './app/connection';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { firstBoot } from './app/boot';
import { Root } from './app/Root';
import { GlobalStyle } from './ui/GlobalStyle';
import { RootBoundary } from './ui/RootBoundary';
import { wrapSdk, type Connection } from './zendesk/zaf-client';

/**
 * How long the first render waits for Zendesk's registration and the sidebar's get. They usually
 * take a few ms: then React draws the checklist in one pass instead of a skeleton, a second
 * pass and a third. When Zendesk is slower, the skeleton comes after this delay.
 */
const FIRST_RENDER_WAIT_MS = 150;

const connection: Connection = early ? { state: 'connected', zendesk: wrapSdk(early.sdk), registered: early.registered } : { state: 'outside' };
// Started before any render work: at app.registered the get leaves at once.
const drawable = connection.state === 'connected' ? firstBoot(connection).drawable : Promise.resolve();

function render() {
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(
    <StrictMode>
      {/* Outside the theme: its message must show even when Garden's code is what broke. */}
      <RootBoundary>
        <ThemeProvider theme={DEFAULT_THEME}>
          <GlobalStyle />
          <Root connection={connection} />
        </ThemeProvider>
      </RootBoundary>
    </StrictMode>,
  );
}

void Promise.race([drawable, new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]).then(render);
