import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './app/Root';
import { GlobalStyle } from './ui/GlobalStyle';
import { connect } from './zendesk/zaf-client';

const connection = connect();
const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <ThemeProvider theme={DEFAULT_THEME}>
        <GlobalStyle />
        <Root connection={connection} />
      </ThemeProvider>
    </StrictMode>,
  );
}
