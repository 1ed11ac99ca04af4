import { createContext, useContext } from 'react';
import type { SidebarData } from '../../zendesk/sidebar-snapshot';

/**
 * The sidebar's ticket snapshot for the Unit approval body: the checklist draws the body inside its
 * step card without props (features never import each other), so the app hands the data down here.
 */
export const UnitBillingData = createContext<SidebarData | null>(null);

export function useUnitBillingData(): SidebarData {
  const data = useContext(UnitBillingData);
  if (!data) throw new Error('the Unit approval body needs <UnitBillingProvider>');
  return data;
}
