import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZafHost } from '../../sandbox/host/zaf-host.js';
import { createZafFaults } from '../../sandbox/host/zaf-faults.js';
import { documented } from '../../sandbox/host/zaf-names.js';

// The host listens on window for the frames' postMessages; here a stand-in window hands the
// listener to the test, and the "frame" records what the host posts back.
let deliver;
beforeEach(() => {
  globalThis.window = { addEventListener: (type, fn) => { if (type === 'message') deliver = fn; } };
});
afterEach(() => {
  delete globalThis.window;
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function sidebar() {
  const host = createZafHost({ faults: createZafFaults() });
  const posted = [];
  const reached = [];
  const frame = { contentWindow: { postMessage: (json) => posted.push(JSON.parse(json)) } };
  const model = {
    get: (paths) => { reached.push(['get', paths]); return { ...Object.fromEntries(paths.map((p) => [p, `value of ${p}`])), errors: {} }; },
    set: (params) => { reached.push(['set', Object.keys(params)]); return { ...params, errors: {} }; },
    invoke: async (params) => { reached.push(['invoke', Object.keys(params)]); return { ...Object.fromEntries(Object.keys(params).map((p) => [p, null])), errors: {} }; },
  };
  const instance = host.register({ guid: 'g1', frame, appOrigin: 'http://app.test', location: 'ticket_sidebar', ticketId: 101, context: {}, metadata: {}, model, requestEnv: {} });
  const send = async (data) => {
    deliver({ source: frame.contentWindow, origin: 'http://app.test', data: JSON.stringify(data) });
    await tick();
  };
  return { host, instance, posted, reached, send };
}

describe('sandbox ZAF host: only documented names', () => {
  it('drops a subscription to ticket.assignee.changed and logs it as refused; a documented one is kept', async () => {
    const { host, instance, send } = sidebar();
    await send({ key: 'iframe.handshake' });
    await send({ key: 'iframe.on:ticket.assignee.changed', message: { subscriberCount: 1 } });
    await send({ key: 'iframe.on:ticket.assignee.user.id.changed', message: { subscriberCount: 1 } });
    expect(host.subscribed(instance, 'ticket.assignee.changed')).toBe(false);
    expect(host.subscribed(instance, 'ticket.assignee.user.id.changed')).toBe(true);
    expect(host.log.filter((e) => e.dir === 'refused').map((e) => e.message.key)).toEqual(['iframe.on:ticket.assignee.changed']);
  });

  it('will not fire an undocumented event, even to an app that asked for it', async () => {
    const { host, instance, posted, send } = sidebar();
    await send({ key: 'iframe.handshake' });
    expect(() => host.emit(instance, 'ticket.assignee.changed', {})).toThrow(/not a documented ZAF event/);
    expect(host.emit(instance, 'ticket.assignee.group.id.changed', 5002)).toBe(false); // documented, but nobody listens
    expect(posted.map((m) => m.key)).toEqual(['zaf.app.registered']);
  });

  it("answers invoke('nonexistent') with an error for that name and never runs it", async () => {
    const { posted, reached, send } = sidebar();
    await send({ key: 'iframe.handshake' });
    await send({ id: 7, request: 'invoke', params: { nonexistent: [] } });
    const answer = posted.find((m) => m.id === 7);
    expect(answer.result.errors.nonexistent).toMatchObject({ name: 'NotFoundError', path: 'nonexistent' });
    expect(answer.result.errors.nonexistent.message).toMatch(/nonexistent/);
    expect(reached).toEqual([['invoke', []]]);
  });

  it('refuses only the undocumented paths of a batched get or set; the rest is answered', async () => {
    const { posted, reached, send } = sidebar();
    await send({ key: 'iframe.handshake' });
    await send({ id: 8, request: 'get', params: ['ticket.subject', 'viewport.size', 'ticket.assignee.changed'] });
    await send({ id: 9, request: 'set', params: { 'ticket.subject': 'x', 'ticket.requester.name': 'y' } });
    const got = posted.find((m) => m.id === 8).result;
    expect(got['ticket.subject']).toBe('value of ticket.subject');
    expect(Object.keys(got.errors).sort()).toEqual(['ticket.assignee.changed', 'viewport.size']);
    expect(posted.find((m) => m.id === 9).result.errors['ticket.requester.name'].name).toBe('NotFoundError');
    expect(reached).toEqual([['get', ['ticket.subject']], ['set', ['ticket.subject']]]);
  });

  it('keeps the SDK’s own client.request subscriptions and passes client.trigger custom events on', async () => {
    const { host, instance, posted, send } = sidebar();
    await send({ key: 'iframe.handshake' });
    await send({ key: 'iframe.on:request:1.done', message: { subscriberCount: 1 } });
    await send({ key: 'iframe.on:my.custom', message: { subscriberCount: 1 } });
    await send({ key: 'iframe.on:ticket.whatever.changed', message: { subscriberCount: 1 } });
    expect(host.subscribed(instance, 'request:1.done')).toBe(true);
    expect(host.subscribed(instance, 'my.custom')).toBe(true);
    expect(host.subscribed(instance, 'ticket.whatever.changed')).toBe(false); // Zendesk's namespace: must be documented
    await send({ key: 'iframe.trigger:my.custom', message: { hello: 1 } });
    expect(posted.map((m) => m.key)).toEqual(['zaf.app.registered', 'zaf.my.custom']);
    expect(documented('on', 'ticket.custom_field_9000001.changed')?.doc).toMatch(/ticket_sidebar/);
  });
});
