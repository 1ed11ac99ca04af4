// The optional mirror to the existing Apontamento app (src/zendesk/external-apontamento.ts) sends
// the secure setting {{setting.apontamento_token}}. Zendesk puts a secure setting only into
// requests to a host listed in the manifest's domainWhitelist (developer.zendesk.com, "Making API
// requests from a Zendesk app", Using secure settings), and the mirror's URL is an install-time
// setting: so the host is given at BUILD time, and the build writes it into the manifest.

/** The build's source for the mirror URL (also `--mirror-url` of copy-app-files and package-app). */
export const MIRROR_URL_ENV = 'APONTAMENTO_MIRROR_URL';

/** The manifest parameters that exist only for the mirror. */
export const MIRROR_PARAMETERS = ['apontamento_url', 'apontamento_token'];

/**
 * @param {string} url
 * @returns {{ ok: true, host: string } | { ok: false, problem: string }} problem: what is wrong with the value
 */
export function mirrorHost(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  // The app refuses any other scheme (external-apontamento.ts): the proxy would send the token in clear.
  if (!parsed || parsed.protocol !== 'https:' || parsed.hostname === '') {
    return { ok: false, problem: `${JSON.stringify(url)} must be an https URL (the app refuses to send the token over plain http)` };
  }
  return { ok: true, host: parsed.hostname.toLowerCase() };
}

/**
 * Whether `host` is covered by a domainWhitelist: the same host, or a "*.domain" entry for one of
 * its subdomains.
 * @param {string} host @param {unknown} list
 */
export function isWhitelisted(host, list) {
  if (!Array.isArray(list)) return false;
  return list.some((entry) => {
    if (typeof entry !== 'string') return false;
    const e = entry.toLowerCase();
    return e === host || (e.startsWith('*.') && host.endsWith(e.slice(1)));
  });
}

/** The mirror URL the build was given, or undefined. @param {string | undefined} option */
export function mirrorUrlFrom(option, env = process.env) {
  const value = option ?? env[MIRROR_URL_ENV];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
