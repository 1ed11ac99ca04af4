/**
 * "A Unidade paga" disappears once it has marked the ticket, and the Unit's form it leads to is drawn
 * a moment later, in the checklist's card, by another component: the button leaves word here and the
 * form takes the keyboard focus when it appears, instead of leaving it on <body>.
 */
let requestedAt: number | null = null;
const VALID_MS = 15_000;

export function requestUnitFormFocus(now = Date.now()): void {
  requestedAt = now;
}

/** True once per request, and only soon after it (a form drawn much later was not asked for). */
export function takeUnitFormFocus(now = Date.now()): boolean {
  const wanted = requestedAt !== null && now - requestedAt < VALID_MS;
  requestedAt = null;
  return wanted;
}
