import { getColor, getLineHeight } from '@zendeskgarden/react-theming';
import styled, { type DefaultTheme } from 'styled-components';

export type StatusHue = 'green' | 'blue' | 'grey' | 'red' | 'yellow';

const emphasis: Record<Exclude<StatusHue, 'yellow'>, string> = {
  grey: 'background.emphasis',
  blue: 'background.primaryEmphasis',
  red: 'background.dangerEmphasis',
  green: 'background.successEmphasis',
};

function colors(theme: DefaultTheme, hue: StatusHue): { background: string; foreground: string } {
  if (hue === 'yellow') {
    const foreground = theme.colors.base === 'light' ? 'foreground.warningEmphasis' : 'foreground.onEmphasis';
    return { background: getColor({ theme, hue: 'warningHue', shade: 400 }), foreground: getColor({ theme, variable: foreground }) };
  }
  return { background: getColor({ theme, variable: emphasis[hue] }), foreground: getColor({ theme, variable: 'foreground.onEmphasis' }) };
}

/**
 * A step's status label: Garden's small Tag, same theme colours and sizes, for a label that is
 * never focused, closed or given an avatar. Garden's Tag computes its focus ring and avatar styles
 * for every instance — a sixth of the checklist's first render — and its package weighed 1.6 KB
 * gzip in the first load.
 */
export const StatusTag = styled.span<{ $hue: StatusHue }>`
  display: inline-flex;
  align-items: center;
  box-sizing: border-box;
  max-width: 100%;
  overflow: hidden;
  vertical-align: middle;
  white-space: nowrap;
  border-radius: ${(p) => p.theme.borderRadii.sm};
  padding: 0 ${(p) => p.theme.space.base}px;
  min-width: calc(${(p) => p.theme.space.base * 2}px + 1ch);
  height: ${(p) => p.theme.space.base * 4}px;
  line-height: ${(p) => getLineHeight(p.theme.space.base * 4, p.theme.fontSizes.xs)};
  font-size: ${(p) => p.theme.fontSizes.xs};
  font-weight: ${(p) => p.theme.fontWeights.semibold};
  background-color: ${(p) => colors(p.theme, p.$hue).background};
  color: ${(p) => colors(p.theme, p.$hue).foreground};
`;
