// The host side of the ZAF v2 postMessage protocol, as zendesk_app_framework_sdk speaks it:
// messages are JSON strings (replies to needsReply events arrive as objects), the SDK only
// accepts messages from its `origin` query param and from window.parent.
//
// In:  iframe.handshake · iframe.on:<event> / iframe.off:<event> · iframe.reply:<event> ·
//      iframe.trigger:<event> · request:<n> (client.request) · { id, request: get|set|invoke, params }
// Out: zaf.app.registered { context, metadata } · zaf.<event> (only to subscribers) ·
//      zaf.request:<n>.done|fail { responseArgs } · { id, result } answers.
// Names outside zaf-names.js (Zendesk's documented ones) are refused: get/set/invoke answer them
// with an error, a subscription to them is dropped (logged as 'refused'), and emit() throws.
import { proxyRequest } from './zaf-request.js';
import { applyFault } from './zaf-faults.js';
import { errorShape } from './zaf-model.js';
import { documented, mayListen, refusal } from './zaf-names.js';

const LOG_LIMIT = 50000;
export const REPLY_TIMEOUT_MS = 10000;

export function createZafHost({ faults }) {
  const instances = new Map();
  const log = [];

  function record(dir, instance, message) {
    if (log.length >= LOG_LIMIT) log.shift();
    log.push({ at: Date.now(), t: performance.now(), dir, guid: instance.guid, location: instance.location, ticketId: instance.ticketId ?? null, message });
  }

  function post(instance, message) {
    record('out', instance, message);
    instance.frame.contentWindow?.postMessage(JSON.stringify(message), instance.appOrigin);
  }

  const subscribed = (instance, event) => (instance.subs.get(event) ?? 0) > 0;

  function send(instance, event, message) {
    if (!instance.registered || !subscribed(instance, event)) return false;
    post(instance, { key: `zaf.${event}`, message });
    return true;
  }

  /** Send `zaf.<event>` if the app listens for it; returns whether it was sent. Only documented events. */
  function emit(instance, event, message) {
    if (!documented('on', event)) throw new Error(`sandbox: "${event}" is not a documented ZAF event`);
    return send(instance, event, message);
  }

  /**
   * A needsReply event (ticket.save): resolves { ok: true } when every handler resolved, or
   * { ok: false, message } when the app rejected it or did not answer within 10 s.
   */
  function askForReply(instance, event, timeoutMs = REPLY_TIMEOUT_MS) {
    if (!instance.registered || !subscribed(instance, event)) return Promise.resolve({ ok: true });
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        instance.pendingReplies.delete(event);
        resolve({ ok: false, timedOut: true, message: null });
      }, timeoutMs);
      instance.pendingReplies.set(event, (error) => {
        clearTimeout(timer);
        instance.pendingReplies.delete(event);
        if (!error) resolve({ ok: true });
        else resolve({ ok: false, message: typeof error.msg === 'string' ? error.msg : null });
      });
      post(instance, { key: `zaf.${event}`, needsReply: true });
    });
  }

  function setActive(instance, active) {
    if (instance.active === active) return;
    instance.active = active;
    if (active) instance.activatedOnce = emit(instance, 'app.activated', { firstLoad: !instance.activatedOnce }) || instance.activatedOnce;
    else emit(instance, 'app.deactivated', {});
  }

  async function answerModelRequest(instance, data) {
    const { id, request } = data;
    const asked = request === 'get' ? [data.params ?? []].flat() : Object.keys(data.params ?? {});
    const refused = asked.filter((path) => !documented(request, path));
    const paths = asked.filter((path) => !refused.includes(path));
    const withRefusals = (result) => (refused.length === 0 ? result
      : { ...result, errors: { ...(result.errors ?? {}), ...Object.fromEntries(refused.map((path) => [path, refusal(request, path)])) } });
    const modelParams = request === 'get' ? paths : Object.fromEntries(paths.map((path) => [path, data.params[path]]));
    const fault = faults.take(request, paths);
    if (fault?.mode === 'timeout') return; // never answered: the SDK rejects after 5 s
    // A refused set or invoke changes nothing, as in Zendesk: answer with the error untouched.
    if (fault?.mode === 'error' && request !== 'get') return post(instance, { id, result: withRefusals(applyFault(fault, {}, paths)) });
    try {
      let result;
      if (request === 'get') result = instance.model.get(modelParams);
      else if (request === 'set') result = instance.model.set(modelParams);
      else result = await instance.model.invoke(modelParams);
      post(instance, { id, result: withRefusals(fault ? applyFault(fault, result, paths) : result) });
    } catch (error) {
      post(instance, { id, error: errorShape(paths[0], error) });
    }
  }

  async function answerHttpRequest(instance, key, options) {
    const outcome = await proxyRequest(options ?? {}, instance.requestEnv);
    post(instance, { key: `zaf.${key}.${outcome.event}`, message: { responseArgs: outcome.responseArgs } });
  }

  function onMessage(event) {
    const instance = [...instances.values()].find((i) => i.frame.contentWindow === event.source);
    if (!instance || event.origin !== instance.appOrigin) return;
    let data = event.data;
    if (typeof data === 'string') {
      try { data = JSON.parse(data); } catch { return; }
    }
    if (!data || typeof data !== 'object') return;
    record('in', instance, data);

    if (data.request && ['get', 'set', 'invoke'].includes(data.request)) {
      answerModelRequest(instance, data);
      return;
    }
    const key = String(data.key ?? '');
    if (key === 'iframe.handshake') {
      instance.registered = true;
      post(instance, { key: 'zaf.app.registered', message: { context: instance.context, metadata: instance.metadata } });
    } else if (key.startsWith('iframe.on:') || key.startsWith('iframe.off:')) {
      const name = key.slice(key.indexOf(':') + 1);
      if (key.startsWith('iframe.on:') && !mayListen(name)) {
        record('refused', instance, { key, reason: `"${name}" is not a documented ZAF event` });
        return;
      }
      instance.subs.set(name, Number(data.message?.subscriberCount ?? (key.startsWith('iframe.on:') ? 1 : 0)));
      // An app that starts listening while visible still gets its first activation.
      if (name === 'app.activated' && instance.active && !instance.activatedOnce) {
        instance.activatedOnce = emit(instance, 'app.activated', { firstLoad: true });
      }
    } else if (key.startsWith('iframe.reply:')) {
      instance.pendingReplies.get(key.slice('iframe.reply:'.length))?.(data.error ?? null);
    } else if (key.startsWith('iframe.trigger:')) {
      const target = instances.get(data.instanceGuid) ?? instance;
      // client.trigger: custom events the app names itself, passed on as they are.
      send(target, key.slice('iframe.trigger:'.length), data.message);
    } else if (/^request:\d+$/.test(key)) {
      answerHttpRequest(instance, key, data.message);
    }
  }

  window.addEventListener('message', onMessage);

  return {
    instances,
    log,
    /** instance: { guid, frame, appOrigin, location, ticketId?, context, metadata, model, requestEnv } */
    register(instance) {
      const full = { registered: false, active: false, activatedOnce: false, subs: new Map(), pendingReplies: new Map(), ...instance };
      instances.set(full.guid, full);
      return full;
    },
    emit,
    askForReply,
    setActive,
    forTicket: (ticketId) => [...instances.values()].filter((i) => i.ticketId === Number(ticketId)),
    subscribed,
  };
}
