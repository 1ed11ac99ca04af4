/**
 * Which analyst to designate for a consulting ticket (DOMAIN step 7): the one with the highest
 * seniority in the ticket's module; ties go to whoever has fewer open consulting tickets. The
 * lead can override, so this only orders the candidates — it never decides alone.
 */

export interface Analyst {
  /** Zendesk user id. Expected to be unique within a pool. */
  id: number;
  name: string;
  /** Seniority in the topic; higher is more senior. `null` = unknown, ranked last. */
  seniority: number | null;
  /** Module values (the module ticket field's option tags) this analyst serves. */
  modules: string[];
  /** Zendesk role: only 'agent' and 'admin' can be designated. */
  role: string;
}

export type RankedAnalyst = Analyst & {
  /** Open consulting tickets assigned to this analyst (0 when unknown). */
  openTickets: number;
  /** 1-based position in the ranking. */
  rank: number;
};

export interface RankingContext {
  /** The ticket's module (option tag of the module field). */
  module: string;
  /** The module's lead: designates, is not designated. */
  leadId: number | null;
  /** Open consulting tickets per analyst id. */
  openTickets: Map<number, number>;
}

const designatableRoles: ReadonlySet<string> = new Set(['agent', 'admin']);

// One collator for every comparison: the same order as `localeCompare(…, 'pt-BR')`, built once.
const byName = new Intl.Collator('pt-BR').compare;

/** A seniority that can be compared; anything else (null, NaN, ±∞) counts as "no seniority". */
function knownSeniority(analyst: Analyst): number | null {
  return analyst.seniority !== null && Number.isFinite(analyst.seniority) ? analyst.seniority : null;
}

function isEligible(analyst: Analyst, context: RankingContext): boolean {
  return designatableRoles.has(analyst.role) && analyst.modules.includes(context.module) && analyst.id !== context.leadId;
}

/** Most senior first, no seniority last; then fewer open tickets; then name (pt-BR); then id. */
function compareCandidates(a: RankedAnalyst, b: RankedAnalyst): number {
  const seniorityA = knownSeniority(a);
  const seniorityB = knownSeniority(b);
  if (seniorityA !== seniorityB) {
    if (seniorityA === null) return 1;
    if (seniorityB === null) return -1;
    return seniorityB - seniorityA;
  }
  return a.openTickets - b.openTickets || byName(a.name, b.name) || a.id - b.id;
}

/**
 * The eligible analysts of `pool`, best candidate first. The order is total (the id breaks every
 * remaining tie), so the same pool in any order gives the same ranking.
 */
export function rankAnalysts(pool: Analyst[], context: RankingContext): RankedAnalyst[] {
  return pool
    .filter((analyst) => isEligible(analyst, context))
    .map((analyst) => ({ ...analyst, openTickets: openTicketsOf(analyst.id, context.openTickets), rank: 0 }))
    .sort(compareCandidates)
    .map((analyst, index) => ({ ...analyst, rank: index + 1 }));
}

function openTicketsOf(id: number, counts: Map<number, number>): number {
  const count = counts.get(id);
  return count !== undefined && Number.isFinite(count) && count > 0 ? count : 0;
}

// ---------------------------------------------------------------------------------------------
// The optional roster setting: a JSON array typed by an admin, so every mistake is explained.

export type RosterResult = { ok: true; roster: Analyst[] } | { ok: false; error: RosterError };

export interface RosterError {
  /** 0-based index of the faulty entry (messages count from 1), or null when the whole value is wrong. */
  entry: number | null;
  /** The faulty field of that entry, or null. */
  field: string | null;
  /** English explanation, e.g. `entry 3 ("Ana"): "seniority" must be a number ≥ 0 or null`. */
  message: string;
}

const rosterFields = ['user_id', 'name', 'seniority', 'modules', 'role'] as const;

/**
 * Parses the roster setting, e.g.
 * `[{"user_id":2001,"name":"Ana","seniority":9,"modules":["modulo_faturamento"]}]`.
 * Strict: unknown keys (a typo such as "modulos") and duplicate user ids are errors. `seniority`
 * may be `null` (ranked last); `role` is optional, "agent" (default) or "admin".
 */
export function parseRoster(json: string): RosterResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return failure(null, null, `the roster is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!Array.isArray(value)) return failure(null, null, 'the roster must be a JSON array of analysts');

  const roster: Analyst[] = [];
  const seen = new Map<number, number>();
  for (const [index, entry] of value.entries()) {
    const parsed = parseEntry(entry, index);
    if (!parsed.ok) return parsed;
    const earlier = seen.get(parsed.analyst.id);
    if (earlier !== undefined) {
      return failure(index, 'user_id', `${describe(index, entry)}: "user_id" ${parsed.analyst.id} already appears in entry ${earlier + 1}`);
    }
    seen.set(parsed.analyst.id, index);
    roster.push(parsed.analyst);
  }
  return { ok: true, roster };
}

type EntryResult = { ok: true; analyst: Analyst } | { ok: false; error: RosterError };

function parseEntry(entry: unknown, index: number): EntryResult {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    return failure(index, null, `entry ${index + 1} must be an object like {"user_id": 2001, "name": "Ana", "seniority": 9, "modules": ["modulo_x"]}`);
  }
  const record = entry as Record<string, unknown>;
  const where = describe(index, entry);
  const fieldError = (field: string, rule: string) => failure(index, field, `${where}: "${field}" ${rule}`);

  const unknownKey = Object.keys(record).find((key) => !(rosterFields as readonly string[]).includes(key));
  if (unknownKey !== undefined) return fieldError(unknownKey, `is not a roster field (expected ${rosterFields.join(', ')})`);

  const { user_id: id, name, seniority, modules, role = 'agent' } = record;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) return fieldError('user_id', 'must be a positive whole number (the Zendesk user id)');
  if (typeof name !== 'string' || name.trim() === '') return fieldError('name', 'must be a non-empty text');
  if (!('seniority' in record)) return fieldError('seniority', 'is missing (use null when unknown)');
  if (seniority !== null && (typeof seniority !== 'number' || !Number.isFinite(seniority) || seniority < 0)) {
    return fieldError('seniority', 'must be a number ≥ 0 or null');
  }
  if (!Array.isArray(modules) || modules.length === 0) return fieldError('modules', 'must be a non-empty list of module values');
  const badModule = modules.findIndex((module) => typeof module !== 'string' || module.trim() === '');
  if (badModule !== -1) return fieldError('modules', `item ${badModule} must be a non-empty text`);
  if (role !== 'agent' && role !== 'admin') return fieldError('role', 'must be "agent" or "admin"');

  return {
    ok: true,
    analyst: { id, name: name.trim(), seniority, modules: (modules as string[]).map((module) => module.trim()), role },
  };
}

/** `entry 3 ("Ana")` (counted from 1, as an admin reads the list) when it has a name, else `entry 3`. */
function describe(index: number, entry: unknown): string {
  const name = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).name : undefined;
  return typeof name === 'string' && name.trim() !== '' ? `entry ${index + 1} (${JSON.stringify(name.trim())})` : `entry ${index + 1}`;
}

function failure(entry: number | null, field: string | null, message: string): { ok: false; error: RosterError } {
  return { ok: false, error: { entry, field, message } };
}
