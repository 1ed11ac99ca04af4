/** The sandbox controls under /__sandbox/ (see sandbox/README.md). They are not part of Zendesk. */
import { compileRoutes, dispatch } from './router.mjs';
import { badRequest, created, fail, json, noContent, recordInvalid } from './responses.mjs';

/**
 * @param {{emulator: any, faults: any, log: any, limits: any, options: any}} deps
 */
export function createControls({ emulator, faults, log, limits, options }) {
  const config = () => {
    const state = emulator.state;
    return {
      appOrigin: options.appOrigin ?? null,
      hostOrigin: options.hostOrigin ?? null,
      account: { ...state.account },
      app: { ...state.app, version: options.appVersion ?? null },
      settings: { ...state.settings },
      currentUserId: state.currentUserId,
      users: Object.values(state.users)
        .sort((a, b) => a.id - b.id)
        .map((u) => ({ id: u.id, name: u.name, role: u.role })),
    };
  };

  const setCurrentUser = (ctx) => {
    const id = Number(ctx.body?.id);
    if (!emulator.state.users[id]) throw fail(recordInvalid({ id: [{ description: `No user with id ${ctx.body?.id}`, error: 'InvalidValue' }] }));
    emulator.state.currentUserId = id;
    emulator.touch();
    return json({ currentUserId: id });
  };

  /** Shallow merge; a key set to null is removed (to test missing settings). */
  const putSettings = (ctx) => {
    const changes = ctx.body;
    if (!changes || typeof changes !== 'object' || Array.isArray(changes)) throw fail(badRequest('InvalidSettings', 'send an object of settings'));
    const settings = emulator.state.settings;
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) delete settings[key];
      else settings[key] = value;
    }
    emulator.touch();
    return json({ settings: { ...settings } });
  };

  const putLimits = (ctx) => {
    const value = ctx.body?.exportSearchPerMinute;
    if (!(value === null || (Number.isInteger(value) && value > 0))) throw fail(badRequest('InvalidLimits', 'exportSearchPerMinute must be a positive integer or null (off)'));
    limits.exportSearchPerMinute = value;
    emulator.rateLimiter.clear();
    return json({ limits: { ...limits } });
  };

  const routes = compileRoutes([
    ['GET', '/__sandbox/config', () => json(config())],
    ['POST', '/__sandbox/current-user', setCurrentUser],
    ['POST', '/__sandbox/reset', () => (emulator.reset(), json({ ok: true, currentUserId: emulator.state.currentUserId }))],
    ['GET', '/__sandbox/faults', () => json({ faults: faults.list() })],
    ['POST', '/__sandbox/faults', (ctx) => created({ fault: faults.add(ctx.body) })],
    ['DELETE', '/__sandbox/faults', () => (faults.clear(), noContent())],
    ['GET', '/__sandbox/requests', () => json({ requests: log.list() })],
    ['DELETE', '/__sandbox/requests', () => (log.clear(), noContent())],
    ['GET', '/__sandbox/settings', () => json({ settings: { ...emulator.state.settings } })],
    ['PUT', '/__sandbox/settings', putSettings],
    ['GET', '/__sandbox/limits', () => json({ limits: { ...limits } })],
    ['PUT', '/__sandbox/limits', putLimits],
  ]);

  return (ctx) => dispatch(routes, ctx);
}
