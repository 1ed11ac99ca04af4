/**
 * Every ZAF name the app uses, with what for and the Zendesk page that documents it. Nothing
 * imports it at run time: test/unit/zendesk/zaf-names.test.ts checks that every ZAF string in
 * src/ is one of these and that the sandbox's host (sandbox/host/zaf-names.js) answers each, so
 * a new name cannot creep in without a documented source. The README's table is this list.
 *
 * Placeholders: {id} a number (ticket field id), {key} a user field key, {field} a ticket field name.
 */
export type ZafKind = 'get' | 'set' | 'invoke' | 'on' | 'request' | 'method';

export interface ZafName {
  kind: ZafKind;
  name: string;
  usedFor: string;
  doc: string;
}

const CORE = 'https://developer.zendesk.com/api-reference/apps/apps-core-api/core_api/';
const CLIENT = 'https://developer.zendesk.com/api-reference/apps/apps-core-api/client_api/';
const ALL = 'https://developer.zendesk.com/api-reference/apps/apps-support-api/all_locations/';
const SIDEBAR = 'https://developer.zendesk.com/api-reference/apps/apps-support-api/ticket_sidebar/';

export const ZAF_NAMES: readonly ZafName[] = [
  // client methods
  { kind: 'method', name: 'ZAFClient.init', usedFor: 'the handshake (app/connection.ts, zaf-client connect)', doc: CLIENT },
  { kind: 'method', name: 'client.context', usedFor: 'location and account subdomain (boot, links, Unit approval)', doc: CLIENT },
  { kind: 'method', name: 'client.metadata', usedFor: 'installation settings (boot)', doc: CLIENT },
  { kind: 'method', name: 'client.get', usedFor: 'reading ticket/editor/user paths, batched', doc: CLIENT },
  { kind: 'method', name: 'client.set', usedFor: 'writing ticket and editor paths', doc: CLIENT },
  { kind: 'method', name: 'client.invoke', usedFor: 'actions below', doc: CLIENT },
  { kind: 'method', name: 'client.on', usedFor: 'events below', doc: CLIENT },
  { kind: 'method', name: 'client.off', usedFor: 'unsubscribing when a component unmounts', doc: CLIENT },
  { kind: 'method', name: 'client.request', usedFor: 'every REST call, through Zendesk’s proxy', doc: CLIENT },

  // get
  { kind: 'get', name: 'ticket.id', usedFor: 'sidebar snapshot', doc: SIDEBAR },
  { kind: 'get', name: 'ticket.subject', usedFor: 'sidebar snapshot; title prefix (checklist)', doc: SIDEBAR },
  { kind: 'get', name: 'ticket.status', usedFor: 'sidebar snapshot', doc: SIDEBAR },
  { kind: 'get', name: 'ticket.tags', usedFor: 'sidebar snapshot; marker tags; procedure index', doc: SIDEBAR },
  { kind: 'get', name: 'ticket.via', usedFor: 'sidebar snapshot (channel)', doc: SIDEBAR },
  { kind: 'get', name: 'ticket.requester', usedFor: 'sidebar snapshot', doc: SIDEBAR },
  { kind: 'get', name: 'ticket.requester.customField:{key}', usedFor: 'whether the requester may contract consulting (setting permite_consultoria_field_key)', doc: SIDEBAR },
  { kind: 'get', name: 'ticket.assignee', usedFor: 'sidebar snapshot; procedure index', doc: SIDEBAR },
  { kind: 'get', name: 'ticket.form', usedFor: 'sidebar snapshot', doc: SIDEBAR },
  { kind: 'get', name: 'ticket.updatedAt', usedFor: 'sidebar snapshot (safe updates)', doc: SIDEBAR },
  { kind: 'get', name: 'ticket.customField:custom_field_{id}', usedFor: 'Data controle, Tipo, Módulo, Data módulo, procedure index fields', doc: SIDEBAR },
  { kind: 'get', name: 'ticketFields:custom_field_{id}.optionValues', usedFor: 'the module’s display name', doc: SIDEBAR },
  { kind: 'get', name: 'currentUser', usedFor: 'who the agent is (role, groups, locale)', doc: CORE },
  { kind: 'get', name: 'comment.text', usedFor: 'what the editor already holds before appending', doc: SIDEBAR },

  // set
  { kind: 'set', name: 'ticket.subject', usedFor: 'title prefix; opening macro’s actions', doc: SIDEBAR },
  { kind: 'set', name: 'ticket.tags', usedFor: 'opening macro’s actions', doc: SIDEBAR },
  { kind: 'set', name: 'ticket.status', usedFor: 'opening macro’s actions', doc: SIDEBAR },
  { kind: 'set', name: 'ticket.priority', usedFor: 'opening macro’s actions', doc: SIDEBAR },
  { kind: 'set', name: 'ticket.type', usedFor: 'opening macro’s actions', doc: SIDEBAR },
  { kind: 'set', name: 'ticket.assignee', usedFor: 'assigning to the chosen analyst and group', doc: SIDEBAR },
  { kind: 'set', name: 'ticket.customField:custom_field_{id}', usedFor: 'date steps; procedure index; opening macro’s actions', doc: SIDEBAR },
  { kind: 'set', name: 'comment.type', usedFor: 'public reply or internal note before appending', doc: SIDEBAR },

  // invoke
  { kind: 'invoke', name: 'resize', usedFor: 'sidebar height follows its content', doc: CORE },
  { kind: 'invoke', name: 'comment.appendText', usedFor: 'templates, session comments, Unit billing comments', doc: SIDEBAR },
  { kind: 'invoke', name: 'ticket.tags.add', usedFor: 'marker tags', doc: SIDEBAR },
  { kind: 'invoke', name: 'ticket.tags.remove', usedFor: 'marker tags', doc: SIDEBAR },
  { kind: 'invoke', name: 'ticketFields:custom_field_{id}.hide', usedFor: 'hiding the procedure index field from agents', doc: SIDEBAR },
  { kind: 'invoke', name: 'routeTo', usedFor: 'dashboard opens a ticket tab', doc: ALL },

  // on
  { kind: 'on', name: 'app.registered', usedFor: 'handshake done: boot', doc: CORE },
  { kind: 'on', name: 'app.activated', usedFor: 'refresh the snapshot; resume the timer', doc: CORE },
  { kind: 'on', name: 'app.deactivated', usedFor: 'pause the timer', doc: CORE },
  { kind: 'on', name: 'ticket.subject.changed', usedFor: 'refresh the snapshot', doc: SIDEBAR },
  { kind: 'on', name: 'ticket.tags.changed', usedFor: 'refresh the snapshot', doc: SIDEBAR },
  { kind: 'on', name: 'ticket.status.changed', usedFor: 'refresh the snapshot', doc: SIDEBAR },
  { kind: 'on', name: 'ticket.assignee.user.id.changed', usedFor: 'refresh the snapshot (reassignment)', doc: SIDEBAR },
  { kind: 'on', name: 'ticket.assignee.group.id.changed', usedFor: 'refresh the snapshot (reassignment)', doc: SIDEBAR },
  { kind: 'on', name: 'ticket.custom_field_{id}.changed', usedFor: 'refresh the snapshot (the four procedure fields)', doc: SIDEBAR },
  { kind: 'on', name: 'ticket.updated', usedFor: 'refresh the snapshot and audits after another agent’s update', doc: SIDEBAR },
  { kind: 'on', name: 'ticket.submit.done', usedFor: 'refresh the snapshot and audits after a save', doc: SIDEBAR },
  { kind: 'on', name: 'ticket.save', usedFor: 'hook: write the procedure index in the agent’s own save', doc: SIDEBAR },

  // client.request options
  ...['url', 'type', 'data', 'contentType', 'headers', 'timeout', 'autoRetry', 'httpCompleteResponse', 'secure', 'cors'].map(
    (option): ZafName => ({ kind: 'request', name: option, usedFor: 'REST through the proxy (rest.ts, external-apontamento.ts)', doc: CLIENT }),
  ),
];
