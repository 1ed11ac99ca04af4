// The ZAF names this host answers: each is one Zendesk documents, with the page that does.
// Anything else is refused (zaf-host.js): a get/set/invoke of another name gets an error for it,
// a subscription to another event is not recorded and the host never fires one. Written from
// Zendesk's reference pages, not from what the app asks for (the app's own list is checked
// against this one by test/unit/zendesk/zaf-names.test.ts).
//
// Placeholders: {id} a number, {key} a user field key, {field} a ticket field name (`subject`,
// `custom_field_<id>` …). A trailing `.{user}` stands for the User object's documented properties.

const CORE = 'https://developer.zendesk.com/api-reference/apps/apps-core-api/core_api/';
const CLIENT = 'https://developer.zendesk.com/api-reference/apps/apps-core-api/client_api/';
const ALL = 'https://developer.zendesk.com/api-reference/apps/apps-support-api/all_locations/';
const SIDEBAR = 'https://developer.zendesk.com/api-reference/apps/apps-support-api/ticket_sidebar/';

/** The User object's properties (currentUser, ticket.requester, ticket.assignee.user …). */
const USER_PROPS = ['id', 'name', 'email', 'role', 'locale', 'timeZone', 'timeZone.ianaName', 'timeZone.name', 'avatarUrl', 'externalId', 'alias', 'details', 'notes', 'signature', 'tags', 'groups', 'organizations'];
const userPaths = (root, doc) => [[root, doc], ...USER_PROPS.map((p) => [`${root}.${p}`, doc]), [`${root}.customField:{key}`, doc]];

const TICKET_FIELD_PROPS = ['name', 'label', 'type', 'isRequired', 'isVisible', 'isEnabled', 'optionValues'];

/** kind → [name, doc URL] */
export const DOCUMENTED = {
  get: [
    ...userPaths('currentUser', CORE),
    ['currentAccount', CORE], ['currentAccount.subdomain', CORE], ['currentAccount.planName', CORE],
    ['currentAccount.timeZone', CORE], ['currentAccount.timeZone.ianaName', CORE], ['currentAccount.timeZone.name', CORE],
    ['ticket', SIDEBAR],
    ...['id', 'subject', 'description', 'status', 'priority', 'type', 'tags', 'externalId', 'isNew', 'createdAt', 'updatedAt',
      'via', 'via.channel', 'via.source', 'assignee', 'assignee.group', 'assignee.group.id', 'assignee.group.name',
      'collaborators', 'brand', 'brand.id', 'form', 'form.id', 'organization', 'comments'].map((p) => [`ticket.${p}`, SIDEBAR]),
    ['ticket.customField:{field}', SIDEBAR],
    ...userPaths('ticket.requester', SIDEBAR),
    ...userPaths('ticket.assignee.user', SIDEBAR),
    ['ticketFields', SIDEBAR], ['ticketFields:{field}', SIDEBAR],
    ...TICKET_FIELD_PROPS.map((p) => [`ticketFields:{field}.${p}`, SIDEBAR]),
    ['comment', SIDEBAR], ['comment.text', SIDEBAR], ['comment.type', SIDEBAR],
  ],
  set: [
    ...['subject', 'status', 'priority', 'type', 'tags', 'assignee', 'customField:{field}'].map((p) => [`ticket.${p}`, SIDEBAR]),
    ['comment.text', SIDEBAR], ['comment.type', SIDEBAR],
  ],
  invoke: [
    ['resize', CORE],
    ['notify', ALL],
    ['routeTo', ALL],
    ['ticket.tags.add', SIDEBAR], ['ticket.tags.remove', SIDEBAR],
    ['comment.appendText', SIDEBAR], ['comment.appendHtml', SIDEBAR],
    ['ticketFields:{field}.hide', SIDEBAR], ['ticketFields:{field}.show', SIDEBAR],
  ],
  on: [
    ['app.registered', CORE], ['app.activated', CORE], ['app.deactivated', CORE],
    ...['subject', 'status', 'priority', 'type', 'tags'].map((p) => [`ticket.${p}.changed`, SIDEBAR]),
    ['ticket.custom_field_{id}.changed', SIDEBAR],
    ['ticket.assignee.user.id.changed', SIDEBAR], ['ticket.assignee.group.id.changed', SIDEBAR],
    ['comment.text.changed', SIDEBAR], ['comment.type.changed', SIDEBAR],
    ['ticket.save', SIDEBAR],
    ['ticket.submit.start', SIDEBAR], ['ticket.submit.done', SIDEBAR], ['ticket.submit.fail', SIDEBAR], ['ticket.submit.always', SIDEBAR],
    ['ticket.updated', SIDEBAR],
    // Every change event at once; in Zendesk's sample apps, not read in a reference page (unverified). The app does not use it.
    ['*.changed', SIDEBAR],
  ],
  // client.request(options): the keys this host honours (zaf-request.js).
  request: ['url', 'type', 'data', 'contentType', 'dataType', 'headers', 'timeout', 'autoRetry', 'httpCompleteResponse', 'secure', 'cors']
    .map((option) => [option, CLIENT]),
};

const PLACEHOLDER = { '{id}': '\\d+', '{key}': '[A-Za-z0-9_-]+', '{field}': '[A-Za-z0-9_]+' };

function compile(name) {
  const escaped = name.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\{(id|key|field)\}/g, (p) => PLACEHOLDER[p])}$`);
}

const COMPILED = Object.fromEntries(Object.entries(DOCUMENTED).map(([kind, list]) => [kind, list.map(([name, doc]) => ({ name, doc, re: compile(name) }))]));

/** The documented entry `name` falls under, or null: `documented('on', 'ticket.custom_field_9.changed')`. */
export function documented(kind, name) {
  return COMPILED[kind]?.find((entry) => entry.re.test(String(name))) ?? null;
}

// What the SDK itself subscribes to for client.request (request:<n>.done|fail): protocol, not API.
const SDK_REQUEST_EVENT = /^request:\d+\.(done|fail)$/;
// Zendesk's own event namespaces. A name outside them is a custom event the app names itself
// (client.trigger / instance.trigger, Client API page), which no list can hold.
const ZENDESK_NAMESPACE = /^(\*|app|ticket|ticketFields|comment|currentUser|currentAccount|user|organization|pane|window|voice|api_notification)[.:]/;

/** Whether an app may subscribe to `event` here: a documented event, the SDK's request events, or a custom one. */
export const mayListen = (event) => documented('on', event) !== null || SDK_REQUEST_EVENT.test(event) || !ZENDESK_NAMESPACE.test(event);

/**
 * The error a refused name gets, in the shape this host answers every failing path with
 * (`{ name, message, path }`, as zendesk_app_framework_sdk rebuilds it into an Error). Zendesk's
 * pages document that failing paths come back under `errors`, not these three fields: unverified.
 */
export function refusal(kind, name) {
  return { name: 'NotFoundError', message: `Could not find handler for: "${name}" (not a documented ZAF ${kind} name)`, path: name };
}
