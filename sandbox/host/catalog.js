// Reference data shared by every open ticket: fields, forms, groups, memberships and a user cache.

export async function loadCatalog(rest, config) {
  const [fields, forms, groups, memberships] = await Promise.all([
    rest.ticketFields(), rest.ticketForms(), rest.groups(), rest.groupMemberships(),
  ]);
  const users = new Map();
  const fieldsById = new Map(fields.map((f) => [f.id, f]));

  return {
    config,
    fields,
    forms,
    groups,
    memberships,
    field: (id) => fieldsById.get(Number(id)),
    customFields: () => fields.filter((f) => isCustomField(f)),
    taggerFields: () => fields.filter((f) => f.type === 'tagger'),
    group: (id) => groups.find((g) => g.id === Number(id)) ?? null,
    form: (id) => forms.find((f) => f.id === Number(id)) ?? forms.find((f) => f.default) ?? forms[0] ?? null,
    /** Agents (and admins) who belong to the group, for the assignee select. */
    groupMembers(groupId) {
      const ids = new Set(memberships.filter((m) => m.group_id === Number(groupId)).map((m) => m.user_id));
      return config.users.filter((u) => ids.has(u.id) && u.role !== 'end-user');
    },
    groupsOfUser: (userId) => memberships
      .filter((m) => m.user_id === Number(userId))
      .map((m) => groups.find((g) => g.id === m.group_id))
      .filter(Boolean),
    // A user not fetched yet (an app assigning the ticket to someone new) is known from the
    // sandbox's user list until the full record arrives.
    user: (id) => users.get(Number(id)) ?? config.users.find((u) => u.id === Number(id)) ?? null,
    rememberUser: (user) => users.set(user.id, user),
    async ensureUsers(ids) {
      const missing = [...new Set(ids.filter((id) => id != null && !users.has(Number(id))).map(Number))];
      for (let i = 0; i < missing.length; i += 100) {
        for (const user of await rest.usersByIds(missing.slice(i, i + 100))) users.set(user.id, user);
      }
    },
  };
}

const SYSTEM_TYPES = new Set(['subject', 'description', 'status', 'tickettype', 'priority', 'group', 'assignee', 'custom_status', 'brand']);

export function isCustomField(field) {
  return !SYSTEM_TYPES.has(field.type);
}
