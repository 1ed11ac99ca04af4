/** Zendesk roles: "end-user", "agent", "admin". End users get 403 on agent endpoints. */
import { fail, forbidden } from './responses.mjs';

export const isAgent = (user) => user?.role === 'agent' || user?.role === 'admin';

export function requireAgent(ctx) {
  if (!isAgent(ctx.user)) throw fail(forbidden());
}

export function requireAdmin(ctx) {
  if (ctx.user?.role !== 'admin') throw fail(forbidden());
}
