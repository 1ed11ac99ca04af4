import { useCallback, useState } from 'react';
import * as v from 'valibot';
import { EMPTY_UNIT_APPROVAL_DRAFT, type UnitApprovalDraft } from '../../procedure/unit-billing';

export const unitDraftKey = (subdomain: string, ticketId: number, agentId: number): string => `consultoria:unit-draft:${subdomain}:${ticketId}:${agentId}`;

const storedSchema = v.partial(v.object(Object.fromEntries(Object.keys(EMPTY_UNIT_APPROVAL_DRAFT).map((k) => [k, v.string()])) as Record<keyof UnitApprovalDraft, v.StringSchema<undefined>>));

function load(key: string): UnitApprovalDraft | null {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return null;
    const parsed = v.safeParse(storedSchema, JSON.parse(raw));
    return parsed.success ? { ...EMPTY_UNIT_APPROVAL_DRAFT, ...parsed.output } : null;
  } catch {
    return null;
  }
}

/**
 * The form as typed, written to localStorage (JSON) on every keystroke: a reload, a closed tab or a
 * failed save loses nothing. null = no unsaved changes. `stored` is false when the browser refused.
 */
export function useUnitDraft(key: string): { draft: UnitApprovalDraft | null; setDraft: (draft: UnitApprovalDraft | null) => void; stored: boolean } {
  const [draft, setState] = useState<UnitApprovalDraft | null>(() => load(key));
  const [stored, setStored] = useState(true);
  const setDraft = useCallback(
    (next: UnitApprovalDraft | null) => {
      setState(next);
      try {
        if (next === null) localStorage.removeItem(key);
        else localStorage.setItem(key, JSON.stringify(next));
        setStored(true);
      } catch {
        setStored(false);
      }
    },
    [key],
  );
  return { draft, setDraft, stored };
}
