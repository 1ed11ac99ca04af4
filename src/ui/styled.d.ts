import 'styled-components';
import type { IGardenTheme } from '@zendeskgarden/react-theming';

// Styled components read Garden's theme (palette, space, radii) with types.
declare module 'styled-components' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefaultTheme extends IGardenTheme {}
}
