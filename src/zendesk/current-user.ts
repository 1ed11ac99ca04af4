import * as v from 'valibot';
import type { CurrentUser } from '../procedure/ticket';
import { ZendeskError, toZendeskError } from './errors';
import { currentUserSchema } from './sidebar-snapshot';
import type { Zendesk } from './zaf-client';

const PATH = 'currentUser';

/** The signed-in user (id, role, groups…), read as the sidebar reads it, with one ZAF `get`. */
export async function loadCurrentUser(zendesk: Pick<Zendesk, 'get'>): Promise<CurrentUser> {
  const { values, errors } = await zendesk.get([PATH]);
  const refused = errors[PATH];
  if (refused !== undefined) throw new ZendeskError('zaf', `${PATH}: ${refused}`, { detail: PATH });
  const parsed = v.safeParse(currentUserSchema, values[PATH]);
  if (!parsed.success) throw new ZendeskError('malformed', `ZAF get: ${PATH} has an unexpected shape`, { detail: PATH });
  return parsed.output;
}

/** A DNS label: the subdomain goes into link hosts, where anything else would point elsewhere. */
const subdomain = v.pipe(v.string(), v.regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i));
const contextSchema = v.looseObject({ account: v.looseObject({ subdomain }) });

/**
 * The account's subdomain from the ZAF context, to link to `https://<subdomain>.zendesk.com/agent/…`;
 * null when the context carries none, or not a plain subdomain (then the UI shows no links rather than broken ones).
 * ZAF's own failures come out as ZendeskErrors (zaf-client converts them; a bare Zendesk may not).
 */
export async function loadAccountSubdomain(zendesk: Pick<Zendesk, 'context'>): Promise<string | null> {
  let context: unknown;
  try {
    context = await zendesk.context();
  } catch (error) {
    throw toZendeskError(error);
  }
  // SDK 2.0.x settles a timed-out call by RESOLVING with its TimeoutError.
  if (context && typeof context === 'object' && (context as { name?: unknown }).name === 'TimeoutError') throw toZendeskError(context);
  const parsed = v.safeParse(contextSchema, context);
  return parsed.success ? parsed.output.account.subdomain : null;
}

/**
 * The subdomain where the app cannot do without one (drafts and outbox entries are keyed by it):
 * a context without it is Zendesk's answer of the wrong shape, 'malformed', not a bug of the app.
 */
export async function requireAccountSubdomain(zendesk: Pick<Zendesk, 'context'>): Promise<string> {
  const found = await loadAccountSubdomain(zendesk);
  if (found === null) throw new ZendeskError('malformed', 'ZAF context: no account subdomain', { detail: 'account.subdomain' });
  return found;
}
