/**
 * Fault injection for REST calls (POST /__sandbox/faults): an HTTP error with Zendesk's error body,
 * a Retry-After, a delay, no answer at all (`hang`), a 200 whose body is not JSON (`malformed`), or a
 * 2xx with a given `body` (an answer of the wrong shape: missing or extra fields).
 * `skip` (default 0) lets that many matching calls through first — "the 3rd page of the export fails"
 * is `{path: "^/api/v2/search/export", status: 500, skip: 2}`, whatever its cursor; then `times`
 * (default 1) counts down per matching call; a negative `times` never runs out.
 */
import { badRequest, errorForStatus, fail } from './responses.mjs';

/**
 * @typedef {{id: number, method?: string, path: string, status?: number, retryAfter?: number, skip: number, times: number,
 *   delayMs?: number, hang?: boolean, malformed?: boolean, body?: unknown}} Fault
 */

const MALFORMED_BODY = '{"error": "this is not JSON"... <html><body>502 Bad Gateway</body></html>';

function validate(spec) {
  const why = (text) => fail(badRequest('InvalidFault', text));
  if (!spec || typeof spec.path !== 'string' || spec.path === '') throw why('path (a regular expression) is required');
  try {
    new RegExp(spec.path);
  } catch {
    throw why(`path is not a valid regular expression: ${spec.path}`);
  }
  // A 2xx status is allowed only with a `body`: a successful answer of the wrong shape.
  const okWithBody = spec.body !== undefined && spec.status >= 200 && spec.status <= 299;
  if (spec.status !== undefined && !(Number.isInteger(spec.status) && ((spec.status >= 400 && spec.status <= 599) || okWithBody))) throw why('status must be an HTTP error status (400-599), or 2xx with a body');
  if (spec.delayMs !== undefined && !(Number.isFinite(spec.delayMs) && spec.delayMs >= 0)) throw why('delayMs must be a number of milliseconds');
  if (spec.times !== undefined && !Number.isInteger(spec.times)) throw why('times must be an integer');
  if (spec.skip !== undefined && !(Number.isInteger(spec.skip) && spec.skip >= 0)) throw why('skip must be a whole number of calls');
  if (spec.status === undefined && !spec.hang && !spec.malformed && spec.delayMs === undefined) throw why('a fault needs status, delayMs, hang or malformed');
}

export function createFaults() {
  /** @type {Fault[]} */
  let faults = [];
  let seq = 0;
  return {
    /** @returns {Fault} */
    add(spec) {
      validate(spec);
      seq += 1;
      const fault = {
        id: seq,
        method: spec.method ? String(spec.method).toUpperCase() : undefined,
        path: spec.path,
        status: spec.status,
        retryAfter: spec.retryAfter,
        skip: spec.skip ?? 0,
        times: spec.times ?? 1,
        delayMs: spec.delayMs,
        hang: Boolean(spec.hang),
        malformed: Boolean(spec.malformed),
        body: spec.body,
      };
      faults.push(fault);
      return { ...fault };
    },
    list: () => faults.map((f) => ({ ...f })),
    clear() {
      faults = [];
    },
    /**
     * The first fault matching this call, counted down (and dropped when used up). A fault still
     * skipping counts the call and lets it on, to the next fault or the real answer.
     */
    take(method, path, pathWithQuery) {
      const matches = (f) => (!f.method || f.method === method) && (new RegExp(f.path).test(path) || new RegExp(f.path).test(pathWithQuery));
      const fault = faults.find((f) => {
        if (!matches(f)) return false;
        if (f.skip === 0) return true;
        f.skip -= 1;
        return false;
      });
      if (!fault) return null;
      if (fault.times > 0) {
        fault.times -= 1;
        if (fault.times === 0) faults = faults.filter((f) => f !== fault);
      }
      return { ...fault };
    },
  };
}

/** @param {Fault} fault @param {() => Promise<any>} next the real handling, for delay-only faults */
export async function applyFault(fault, next) {
  if (fault.hang) return new Promise(() => {}); // never answers: the client must time out
  if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (fault.malformed) return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: MALFORMED_BODY };
  if (fault.status === undefined) return next();
  const response = errorForStatus(fault.status, fault.retryAfter);
  if (fault.body !== undefined) response.body = fault.body;
  if (fault.retryAfter !== undefined) response.headers['retry-after'] = String(fault.retryAfter);
  return response;
}
