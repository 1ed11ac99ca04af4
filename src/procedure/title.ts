/**
 * Title prefixes ("[CONSULT TÉCNICA] Nota gravada com valor negativo"). A subject carries exactly
 * one prefix, whatever case, accents or spacing an earlier hand typed.
 */

/** Upper case, no accents, single spaces, no spaces next to the brackets. */
function canonical(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .replace(/\[\s*/g, '[')
    .replace(/\s*\]/g, ']')
    .trim();
}

const leadingBracket = /^\s*\[[^\]]*\]/;

/** Removes every leading copy of `prefix` (in any spelling), keeping the rest of the subject. */
export function stripPrefix(subject: string, prefix: string): string {
  const wanted = canonical(prefix);
  let rest = subject;
  for (let match = leadingBracket.exec(rest); match && canonical(match[0]) === wanted; match = leadingBracket.exec(rest)) {
    rest = rest.slice(match[0].length);
  }
  return rest.trim().replace(/\s+/g, ' ');
}

/** The subject with exactly one canonical prefix. Applying it twice changes nothing. */
export function withPrefix(subject: string, prefix: string): string {
  const rest = stripPrefix(subject, prefix);
  return rest === '' ? prefix.trim() : `${prefix.trim()} ${rest}`;
}

export function hasExactPrefix(subject: string, prefix: string): boolean {
  return subject === withPrefix(subject, prefix);
}
