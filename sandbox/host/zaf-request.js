// client.request(options) as Zendesk proxies it: forwards to the REST emulation as the current
// agent and answers with jQuery-style responseArgs. Honours timeout, autoRetry (429 +
// Retry-After), httpCompleteResponse, and `{{setting.NAME}}` placeholders when `secure: true`.

const MAX_AUTO_RETRIES = 3;

/**
 * @returns {Promise<{ event: 'done'|'fail', responseArgs: any[] }>}
 */
export async function proxyRequest(rawOptions, { userId, settings, subdomain, sleep = defaultSleep }) {
  const options = typeof rawOptions === 'string' ? { url: rawOptions } : { ...rawOptions };
  if (options.secure) substituteSettings(options, settings);
  const autoRetry = options.autoRetry !== false;
  for (let attempt = 0; ; attempt += 1) {
    const response = await send(options, userId, subdomain);
    if (response.status === 429 && autoRetry && attempt < MAX_AUTO_RETRIES) {
      await sleep(retryAfterMs(response.headers['retry-after']));
      continue;
    }
    return toResponseArgs(options, response);
  }
}

async function send(options, userId, subdomain) {
  const method = String(options.type ?? 'GET').toUpperCase();
  let url = rewriteUrl(options.url, subdomain);
  const headers = { 'X-Sandbox-User-Id': String(userId), 'X-Sandbox-Origin': 'app', ...(options.headers ?? {}) };
  let body;
  if (options.data !== undefined && options.data !== null) {
    if (method === 'GET' || method === 'HEAD') {
      const query = typeof options.data === 'string' ? options.data : new URLSearchParams(options.data).toString();
      if (query) url += (url.includes('?') ? '&' : '?') + query;
    } else {
      const contentType = options.contentType ?? 'application/x-www-form-urlencoded; charset=UTF-8';
      headers['Content-Type'] = contentType;
      if (typeof options.data === 'string') body = options.data;
      else body = /json/i.test(contentType) ? JSON.stringify(options.data) : new URLSearchParams(options.data).toString();
    }
  } else if (options.contentType && method !== 'GET') {
    headers['Content-Type'] = options.contentType;
  }

  const controller = new AbortController();
  const timeoutMs = Number(options.timeout) > 0 ? Number(options.timeout) : 0;
  const timer = timeoutMs ? setTimeout(() => controller.abort('timeout'), timeoutMs) : null;
  try {
    const response = await fetch(url, { method, headers, body, signal: controller.signal });
    const text = await response.text();
    return {
      status: response.status,
      statusText: response.statusText || (response.ok ? 'OK' : 'error'),
      headers: Object.fromEntries(response.headers.entries()),
      text,
    };
  } catch (error) {
    const timedOut = controller.signal.aborted;
    return { status: 0, statusText: timedOut ? 'timeout' : 'error', headers: {}, text: '', networkError: String(error) };
  } finally {
    clearTimeout(timer);
  }
}

function toResponseArgs(options, response) {
  const wantsJson = options.dataType === 'json' || /json/i.test(response.headers['content-type'] ?? '');
  let json;
  let parseFailed = false;
  if (response.text && wantsJson) {
    try { json = JSON.parse(response.text); } catch { parseFailed = true; }
  }
  const ok = response.status >= 200 && response.status < 300 && !parseFailed;
  const statusText = parseFailed ? 'parsererror' : response.statusText;
  const complete = { status: response.status, statusText, responseText: response.text, responseJSON: json, headers: response.headers };
  if (!ok) return { event: 'fail', responseArgs: [complete, parseFailed ? 'parsererror' : 'error', statusText] };
  if (options.httpCompleteResponse) {
    return { event: 'done', responseArgs: [{ responseJSON: json, responseText: response.text, status: response.status, headers: response.headers }] };
  }
  const data = json !== undefined ? json : response.text;
  return { event: 'done', responseArgs: [data, 'success', complete] };
}

/** Zendesk API URLs of this account go to the emulator; anything else is fetched as is. */
export function rewriteUrl(url, subdomain) {
  const raw = String(url ?? '');
  if (raw.startsWith('/')) return raw;
  try {
    const parsed = new URL(raw);
    if (parsed.hostname === `${subdomain}.zendesk.com`) return `${parsed.pathname}${parsed.search}`;
    return raw;
  } catch {
    return raw;
  }
}

export function substituteSettings(options, settings) {
  const fill = (value) => (typeof value === 'string'
    ? value.replace(/\{\{setting\.([\w.-]+)\}\}/g, (whole, name) => (name in settings ? String(settings[name]) : whole))
    : value);
  options.url = fill(options.url);
  if (typeof options.data === 'string') options.data = fill(options.data);
  if (options.headers) options.headers = Object.fromEntries(Object.entries(options.headers).map(([k, v]) => [k, fill(v)]));
}

function retryAfterMs(header) {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000;
}

function defaultSleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
