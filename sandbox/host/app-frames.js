// Where the app lives: its manifest (from the app origin, as Zendesk's CDN would serve it)
// and the iframe for one location instance, at `<base>/<location url>?origin=…&app_guid=…`.
import { h } from './dom.js';

/** `?app=probe` in the host URL loads the minimal reference app instead of the real one. */
export function appBase(appOrigin, search = location.search) {
  const which = new URLSearchParams(search).get('app');
  return which === 'probe' ? `${appOrigin}/probe/` : `${appOrigin}/`;
}

export async function loadManifest(base) {
  const url = new URL('manifest.json', base);
  let response;
  try {
    response = await fetch(url);
  } catch {
    // The page is on the host origin: the app origin must answer with Access-Control-Allow-Origin.
    throw new Error(`${url} is not readable from the workspace (is the server up, and does the app origin send CORS headers?)`);
  }
  if (!response.ok) throw new Error(`manifest.json not found at ${base} (HTTP ${response.status}) — is the app built?`);
  return response.json();
}

/** The url of a support location; the manifest may give a string or { url, flexible }. */
export function locationUrl(manifest, locationName) {
  const entry = manifest?.location?.support?.[locationName];
  if (!entry) return null;
  return typeof entry === 'string' ? entry : entry.url ?? null;
}

export function createAppFrame({ base, manifest, locationName, hostOrigin, guid, title }) {
  const relative = locationUrl(manifest, locationName);
  if (!relative) return null;
  const src = new URL(relative, base);
  src.searchParams.set('origin', hostOrigin);
  src.searchParams.set('app_guid', guid);
  return h('iframe', {
    src: src.toString(),
    title: title ?? `${manifest.name ?? 'App'} (${locationName})`,
    class: `app-frame app-frame--${locationName}`,
    'data-location': locationName,
  });
}
