// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { Tag } from '@zendeskgarden/react-tags';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { StatusTag, type StatusHue } from '../../src/features/checklist/StatusTag';

const PROPERTIES = ['background-color', 'color', 'height', 'line-height', 'font-size', 'font-weight', 'padding-left', 'padding-right', 'border-radius', 'min-width', 'display', 'white-space', 'vertical-align'];

describe('StatusTag', () => {
  it.each<StatusHue>(['green', 'blue', 'grey', 'red', 'yellow'])('%s looks as Garden’s small Tag of that hue', (hue) => {
    const { getByTestId } = render(
      <ThemeProvider theme={DEFAULT_THEME}>
        <Tag hue={hue} size="small" data-testid="garden">
          Concluído
        </Tag>
        <StatusTag $hue={hue} data-testid="ours">
          Concluído
        </StatusTag>
      </ThemeProvider>,
    );
    const style = (id: string) => {
      const computed = getComputedStyle(getByTestId(id));
      return Object.fromEntries(PROPERTIES.map((name) => [name, computed.getPropertyValue(name)]));
    };
    const garden = style('garden');
    expect(garden['background-color']).not.toBe('');
    expect(style('ours')).toEqual(garden);
  });
});
