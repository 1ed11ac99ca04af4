// JSON.parse keeps the LAST of two equal keys without a word, so a manifest with two
// "parameters" silently loses one. Zendesk refuses duplicate keys in manifest.json and
// requirements.json; this parser reports them (as JSON paths) next to the parsed value.

/**
 * @typedef {{ ok: true, value: unknown, duplicateKeys: string[] } | { ok: false, error: string }} StrictJsonResult
 */

/**
 * @param {string} text
 * @returns {StrictJsonResult}
 */
export function parseJsonStrict(text) {
  let value;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  return { ok: true, value, duplicateKeys: findDuplicateKeys(text) };
}

/**
 * Walks already-valid JSON text and collects the path of every repeated object key.
 * @param {string} text
 * @returns {string[]}
 */
function findDuplicateKeys(text) {
  /** @type {string[]} */
  const duplicates = [];
  let i = 0;
  const skipWs = () => {
    while (i < text.length && ' \t\n\r\ufeff'.includes(text[i])) i++;
  };
  const readString = () => {
    const start = i;
    i++; // opening quote
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return /** @type {string} */ (JSON.parse(text.slice(start, i)));
  };
  const readValue = (/** @type {string} */ path) => {
    skipWs();
    const ch = text[i];
    if (ch === '{') {
      i++;
      const seen = new Set();
      skipWs();
      if (text[i] === '}') return void i++;
      for (;;) {
        skipWs();
        const key = readString();
        const keyPath = path ? `${path}.${key}` : key;
        if (seen.has(key)) duplicates.push(keyPath);
        seen.add(key);
        skipWs();
        i++; // colon
        readValue(keyPath);
        skipWs();
        if (text[i++] === '}') return;
      }
    }
    if (ch === '[') {
      i++;
      skipWs();
      if (text[i] === ']') return void i++;
      for (let index = 0; ; index++) {
        readValue(`${path}[${index}]`);
        skipWs();
        if (text[i++] === ']') return;
      }
    }
    if (ch === '"') return void readString();
    while (i < text.length && !',}] \t\n\r'.includes(text[i])) i++; // number, true, false, null
  };
  readValue('');
  return duplicates;
}
