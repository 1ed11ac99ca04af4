// Injected ZAF failures (window.sandbox.setZafFault): make the host misbehave the way a slow or
// broken Zendesk would, so the app's timeouts, error paths and schema checks can be tested.
//   { request: 'get'|'set'|'invoke', path?, mode: 'timeout'|'error'|'malformed', times? (default 1) }

export function createZafFaults() {
  let faults = [];

  return {
    set(fault) {
      if (!['get', 'set', 'invoke'].includes(fault?.request)) throw new Error('fault.request must be get, set or invoke');
      if (!['timeout', 'error', 'malformed'].includes(fault.mode)) throw new Error('fault.mode must be timeout, error or malformed');
      faults.push({ request: fault.request, path: fault.path ?? null, mode: fault.mode, times: fault.times ?? 1 });
    },
    clear() { faults = []; },
    list: () => faults.map((f) => ({ ...f })),
    /** The fault that applies to this request (consuming one of its `times`), or null. */
    take(request, paths) {
      const fault = faults.find((f) => f.request === request && f.times > 0 && (f.path === null || paths.includes(f.path)));
      if (!fault) return null;
      fault.times -= 1;
      faults = faults.filter((f) => f.times > 0);
      return { ...fault };
    },
  };
}

/** Apply an 'error' or 'malformed' fault to a computed result. */
export function applyFault(fault, result, paths) {
  const targets = fault.path ? [fault.path] : paths;
  const out = { ...result, errors: { ...(result.errors ?? {}) } };
  for (const path of targets) {
    if (fault.mode === 'error') {
      delete out[path];
      out.errors[path] = { name: 'InjectedError', message: 'Injected fault: the host failed this path', path };
    } else if (fault.mode === 'malformed') {
      delete out.errors[path];
      out[path] = malformed(result[path]);
    }
  }
  return out;
}

/** A value of the wrong shape for whatever was expected. */
export function malformed(value) {
  if (Array.isArray(value)) return { malformed: true };
  if (value !== null && typeof value === 'object') return 'malformed';
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number' || typeof value === 'boolean') return 'malformed';
  return { malformed: true };
}
