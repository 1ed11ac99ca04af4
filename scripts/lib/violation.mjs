// One format for every problem the package checks report, so a line always names
// WHERE (file or manifest key) first and WHICH RULE last, e.g.
//   manifest.parameters[3].type: "colour" is not one of text, password, … [manifest/parameter-type]

/**
 * @typedef {{ summary: string, source: string }} RuleInfo
 * `source` names the public document (or Zendesk's own validator) the rule comes from.
 */

/**
 * @param {string} ruleId
 * @param {string} where
 * @param {string} message
 */
export function violation(ruleId, where, message) {
  return `${where}: ${message} [${ruleId}]`;
}

/** Quotes a value for a message: strings in double quotes, the rest as JSON. @param {unknown} v */
export function show(v) {
  if (v === undefined) return 'undefined';
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/** @param {unknown} v @returns {v is Record<string, unknown>} */
export function isPlainObject(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
