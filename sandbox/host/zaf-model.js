// get / set / invoke over the workspace model for one app instance. Results follow ZAF:
// `{ [path]: value, errors: { [path]: { name, message, path } } }` — an unknown or failing path
// lands in `errors` and never fails the rest of the batch.
import { COLON, NOT_FOUND, customFieldId, zafTicket, zafTicketFields, zafUser } from './zaf-shapes.js';
import { htmlToText } from './dom.js';

const STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];
const COMMENT_TYPES = ['publicReply', 'internalNote'];

export class ZafPathError extends Error {
  constructor(path, message, name = 'Error') {
    super(message);
    this.name = name;
    this.path = path;
  }
}

/**
 * @param {object} env { location, session|null, catalog, currentUser (REST), account, actions }
 *   actions: { resize(dims), notify(message, kind, duration), routeTo(...args) }
 */
export function createZafModel(env) {
  // Ticket fields this instance hid or showed again (ticketFields:<name>.hide / .show).
  const hiddenFields = new Set();
  const ticketOnly = (path) => {
    if (!env.session) throw new ZafPathError(path, `"${path}" is not available in the ${env.location} location`);
    return env.session;
  };

  function roots() {
    const memo = new Map();
    const once = (name, make) => () => (memo.has(name) ? memo.get(name) : memo.set(name, make()).get(name));
    return {
      currentUser: once('currentUser', () => zafUser(env.currentUser, env.catalog)),
      currentAccount: once('currentAccount', () => ({
        subdomain: env.account.subdomain,
        planName: 'enterprise',
        timeZone: { ianaName: 'America/Sao_Paulo', name: 'Brasilia' },
      })),
      ticket: once('ticket', () => {
        const session = ticketOnly('ticket');
        return zafTicket(session.effective(), session.comments, env.catalog);
      }),
      ticketFields: once('ticketFields', () => { ticketOnly('ticketFields'); return zafTicketFields(env.catalog, hiddenFields); }),
      comment: once('comment', () => ({ ...ticketOnly('comment').draft.comment })),
    };
  }

  function resolve(path, rootMap) {
    const [head, ...rest] = String(path).split('.');
    const [rootName, rootArg] = splitColon(head);
    if (!(rootName in rootMap)) return NOT_FOUND;
    let value = rootMap[rootName]();
    const segments = rootArg === undefined ? rest : [`${rootName}:${rootArg}`, ...rest];
    for (const segment of segments) {
      const [name, arg] = splitColon(segment);
      if (arg !== undefined) value = value?.[COLON] ? value[COLON](name, arg) : NOT_FOUND;
      else if (value !== null && typeof value === 'object' && Object.hasOwn(value, name)) value = value[name];
      else value = NOT_FOUND;
      if (value === NOT_FOUND) return NOT_FOUND;
    }
    return value;
  }

  function get(paths) {
    const rootMap = roots();
    return collect(paths, (path) => {
      const value = resolve(path, rootMap);
      if (value === NOT_FOUND) throw new ZafPathError(path, `Could not find handler for: "${path}"`, 'NotFoundError');
      return value;
    });
  }

  const setters = {
    'ticket.subject': (s, v) => s.setProp('subject', requireString(v), 'app'),
    'ticket.status': (s, v) => s.setProp('status', oneOf(v, STATUSES), 'app'),
    'ticket.priority': (s, v) => s.setProp('priority', v || null, 'app'),
    'ticket.type': (s, v) => s.setProp('type', v || null, 'app'),
    'ticket.tags': (s, v) => s.setTags(asList(v), 'app'),
    // Like the agent UI: naming only a group assigns the ticket to that group, with no agent.
    'ticket.assignee': (s, v) => s.setAssignee({ groupId: v?.groupId, userId: v?.userId ?? null }, 'app'),
    'comment.text': (s, v) => s.setComment({ text: requireString(v) }, 'app'),
    'comment.type': (s, v) => s.setComment({ type: oneOf(v, COMMENT_TYPES) }, 'app'),
  };

  function set(params) {
    return collect(Object.keys(params), (path) => {
      const session = ticketOnly(path);
      const value = params[path];
      const custom = /^ticket\.customField:(.+)$/.exec(path);
      if (custom) setCustomField(session, custom[1], value, path);
      else if (setters[path]) setters[path](session, value);
      else throw new ZafPathError(path, `"${path}" is not a settable property`, 'NotFoundError');
      return get([path])[path];
    });
  }

  function setCustomField(session, arg, value, path) {
    const field = env.catalog.field(customFieldId(arg));
    if (!field) throw new ZafPathError(path, `Unknown ticket field "${arg}"`, 'NotFoundError');
    let next = value === undefined || value === '' ? null : value;
    if (field.type === 'tagger' && next !== null && !field.custom_field_options.some((o) => o.value === next)) {
      throw new ZafPathError(path, `"${next}" is not an option of ${field.title}`);
    }
    if (field.type === 'date' && next !== null) next = toIsoDate(next, path);
    session.setCustomField(field.id, next, 'app');
  }

  const invokers = {
    resize: (args) => env.actions.resize(args[0] ?? {}),
    notify: (args) => env.actions.notify(requireString(args[0]), args[1] ?? 'notice', args[2]),
    routeTo: (args) => env.actions.routeTo(...args),
    // No `macro` action: the ticket sidebar's documented actions have none (a macro is applied by the agent, or by the app field by field).
    'ticket.tags.add': (args, path) => ticketOnly(path).addTags(asList(args.flat()), 'app'),
    'ticket.tags.remove': (args, path) => ticketOnly(path).removeTags(asList(args.flat()), 'app'),
    'comment.appendText': (args, path) => appendToEditor(ticketOnly(path), requireString(args[0])),
    'comment.appendHtml': (args, path) => appendToEditor(ticketOnly(path), htmlToText(requireString(args[0]))),
  };

  function setFieldVisible(path, name, visible) {
    ticketOnly(path);
    if (!zafTicketFields(env.catalog).some((f) => f.name === name)) throw new ZafPathError(path, `Unknown ticket field "${name}"`, 'NotFoundError');
    if (visible) hiddenFields.delete(name);
    else hiddenFields.add(name);
    return null;
  }

  async function invoke(params) {
    const result = {};
    const errors = {};
    for (const [path, rawArgs] of Object.entries(params)) {
      const args = Array.isArray(rawArgs) ? rawArgs : [rawArgs];
      try {
        const fieldVisibility = /^ticketFields:([^.]+)\.(hide|show)$/.exec(path);
        if (fieldVisibility) result[path] = setFieldVisible(path, fieldVisibility[1], fieldVisibility[2] === 'show');
        else if (!invokers[path]) throw new ZafPathError(path, `Could not find handler for: "${path}"`, 'NotFoundError');
        else result[path] = (await invokers[path](args, path)) ?? null;
      } catch (error) {
        errors[path] = errorShape(path, error);
      }
    }
    return { ...result, errors };
  }

  return { get, set, invoke };
}

function appendToEditor(session, text) {
  const current = session.draft.comment.text;
  session.setComment({ text: current ? `${current}${current.endsWith('\n') ? '' : '\n'}${text}` : text }, 'app');
}

function collect(paths, fn) {
  const result = {};
  const errors = {};
  for (const path of paths) {
    try { result[path] = fn(path); } catch (error) { errors[path] = errorShape(path, error); }
  }
  return { ...result, errors };
}

export function errorShape(path, error) {
  return { name: error?.name ?? 'Error', message: error?.message ?? String(error), path };
}

function splitColon(segment) {
  const at = segment.indexOf(':');
  return at < 0 ? [segment, undefined] : [segment.slice(0, at), segment.slice(at + 1)];
}

function requireString(value) {
  if (typeof value !== 'string') throw new Error(`expected a string, got ${JSON.stringify(value)}`);
  return value;
}

function oneOf(value, allowed) {
  if (!allowed.includes(value)) throw new Error(`"${value}" is not one of ${allowed.join(', ')}`);
  return value;
}

function asList(value) {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  throw new Error('expected a tag or a list of tags');
}

function toIsoDate(value, path) {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new ZafPathError(path, `"${value}" is not a date`);
  return date.toISOString().slice(0, 10);
}
