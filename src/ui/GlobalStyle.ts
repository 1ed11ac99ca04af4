import { createGlobalStyle } from 'styled-components';

/** Garden styles its components, not the page: give the frame Zendesk's font and spacing. */
export const GlobalStyle = createGlobalStyle`
  html, body {
    margin: 0;
    font-family: ${(p) => p.theme.fonts.system};
    font-size: ${(p) => p.theme.fontSizes.md};
    line-height: ${(p) => p.theme.lineHeights.md};
    color: ${(p) => p.theme.palette.grey?.[800]};
    -webkit-font-smoothing: antialiased;
  }
  *, *::before, *::after { box-sizing: border-box; }
`;
