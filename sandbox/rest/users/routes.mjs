/** Users, user fields, groups and group memberships. */
import { ACCOUNT_ORIGIN } from '../context.mjs';
import { offsetPage, paginate } from '../pagination.mjs';
import { isAgent, requireAgent } from '../permissions.mjs';
import { badRequest, fail, forbidden, json, notFound } from '../responses.mjs';
import { idList } from '../tickets/routes.mjs';

/** @param {any} u */
export function userJson(u) {
  return { url: `${ACCOUNT_ORIGIN}/api/v2/users/${u.id}.json`, ...structuredClone(u) };
}

const groupJson = (g) => ({ url: `${ACCOUNT_ORIGIN}/api/v2/groups/${g.id}.json`, ...g });
const membershipJson = (m) => ({ url: `${ACCOUNT_ORIGIN}/api/v2/group_memberships/${m.id}.json`, ...m });
const byId = (a, b) => a.id - b.id;

function findUser(ctx, id = ctx.params.id) {
  const user = ctx.state.users[Number(id)];
  if (!user) throw fail(notFound());
  return user;
}

function showUser(ctx) {
  const user = findUser(ctx);
  // End users may read themselves only.
  if (!isAgent(ctx.user) && ctx.user?.id !== user.id) throw fail(forbidden());
  return json({ user: userJson(user) });
}

function listUsers(ctx) {
  requireAgent(ctx);
  let users = Object.values(ctx.state.users).sort(byId);
  const roles = ctx.query.getAll('role[]').concat(ctx.query.getAll('role'));
  if (roles.length) users = users.filter((u) => roles.includes(u.role));
  return json(paginate(ctx, users, { resource: 'users', map: userJson }));
}

/** Zendesk documents "up to 100 user ids"; asking for more is a client bug worth seeing. */
const SHOW_MANY_LIMIT = 100;

function showManyUsers(ctx) {
  requireAgent(ctx);
  const ids = idList(ctx);
  if (ids.length > SHOW_MANY_LIMIT) throw fail(badRequest('InvalidParameter', `ids: at most ${SHOW_MANY_LIMIT} ids per request (got ${ids.length})`));
  const users = ids.map((id) => ctx.state.users[id]).filter(Boolean);
  return json({ users: users.map(userJson), next_page: null, previous_page: null, count: users.length });
}

/** `query` matches name or email (case-insensitive, substring); `external_id` matches exactly. */
function searchUsers(ctx) {
  requireAgent(ctx);
  const query = (ctx.query.get('query') ?? '').trim().toLowerCase();
  const externalId = ctx.query.get('external_id');
  const users = Object.values(ctx.state.users)
    .filter((u) => (externalId ? u.external_id === externalId : query !== '' && (u.name.toLowerCase().includes(query) || u.email.toLowerCase().includes(query))))
    .sort(byId);
  // Search Users: "Offset pagination only"; page[...] parameters are not read.
  return json(offsetPage(ctx, users, { resource: 'users', map: userJson }));
}

function me(ctx) {
  return json({ user: userJson(ctx.user) });
}

function listUserFields(ctx) {
  requireAgent(ctx);
  return json(paginate(ctx, ctx.state.userFields, { resource: 'user_fields', map: (f) => ({ url: `${ACCOUNT_ORIGIN}/api/v2/user_fields/${f.id}.json`, ...structuredClone(f) }) }));
}

function listGroups(ctx) {
  requireAgent(ctx);
  return json(paginate(ctx, Object.values(ctx.state.groups).sort(byId), { resource: 'groups', map: groupJson }));
}

function showGroup(ctx) {
  requireAgent(ctx);
  const group = ctx.state.groups[Number(ctx.params.id)];
  if (!group) throw fail(notFound());
  return json({ group: groupJson(group) });
}

function memberships(ctx, filter) {
  requireAgent(ctx);
  const list = ctx.state.groupMemberships.filter(filter).sort(byId);
  return json(paginate(ctx, list, { resource: 'group_memberships', map: membershipJson }));
}

function groupUsers(ctx) {
  requireAgent(ctx);
  const groupId = Number(ctx.params.id);
  if (!ctx.state.groups[groupId]) throw fail(notFound());
  const ids = new Set(ctx.state.groupMemberships.filter((m) => m.group_id === groupId).map((m) => m.user_id));
  return json(paginate(ctx, Object.values(ctx.state.users).filter((u) => ids.has(u.id)).sort(byId), { resource: 'users', map: userJson }));
}

function userGroups(ctx) {
  requireAgent(ctx);
  const user = findUser(ctx);
  const ids = new Set(ctx.state.groupMemberships.filter((m) => m.user_id === user.id).map((m) => m.group_id));
  return json(paginate(ctx, Object.values(ctx.state.groups).filter((g) => ids.has(g.id)).sort(byId), { resource: 'groups', map: groupJson }));
}

export const userRoutes = [
  ['GET', '/api/v2/users', listUsers],
  ['GET', '/api/v2/users/me', me],
  ['GET', '/api/v2/users/show_many', showManyUsers],
  ['GET', '/api/v2/users/search', searchUsers],
  ['GET', '/api/v2/users/:id', showUser],
  ['GET', '/api/v2/users/:id/groups', userGroups],
  ['GET', '/api/v2/users/:id/group_memberships', (ctx) => memberships(ctx, (m) => m.user_id === Number(ctx.params.id))],
  ['GET', '/api/v2/user_fields', listUserFields],
  ['GET', '/api/v2/groups', listGroups],
  ['GET', '/api/v2/groups/assignable', listGroups],
  ['GET', '/api/v2/groups/:id', showGroup],
  ['GET', '/api/v2/groups/:id/users', groupUsers],
  ['GET', '/api/v2/groups/:id/memberships', (ctx) => memberships(ctx, (m) => m.group_id === Number(ctx.params.id))],
  ['GET', '/api/v2/group_memberships', (ctx) => memberships(ctx, () => true)],
];
