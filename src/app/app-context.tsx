import { createContext, useContext } from 'react';
import type { ParsedSettings } from '../procedure/settings';
import type { Zendesk } from '../zendesk/zaf-client';

/** What every location gets once Zendesk has registered the app. */
export interface AppEnvironment extends ParsedSettings {
  zendesk: Zendesk;
  location: string;
}

export const AppContext = createContext<AppEnvironment | null>(null);

export function useApp(): AppEnvironment {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppContext');
  return value;
}
