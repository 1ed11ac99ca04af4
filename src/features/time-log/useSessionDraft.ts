import { useCallback, useState } from 'react';
import * as v from 'valibot';
import { sessionDraftSchema, type SessionDraft } from './draft';
import { readStored, writeStored } from './storage';

function load(key: string): SessionDraft | null {
  const stored = readStored(key);
  if (!stored.ok || stored.value === null) return null;
  try {
    const parsed = v.safeParse(sessionDraftSchema, JSON.parse(stored.value));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

/** The open session form, written to localStorage on every keystroke: a reload loses nothing. */
export function useSessionDraft(storageKey: string): [SessionDraft | null, (draft: SessionDraft | null) => void] {
  const [draft, setDraft] = useState<SessionDraft | null>(() => load(storageKey));
  const update = useCallback(
    (next: SessionDraft | null) => {
      setDraft(next);
      writeStored(storageKey, next === null ? null : JSON.stringify(next));
    },
    [storageKey],
  );
  return [draft, update];
}

/** A new idempotency key: made once per form, kept with the draft, reused by every retry. */
export function newRecordKey(ticketId: number): string {
  const random = typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `${ticketId}-${random}`;
}
