/**
 * What the app accepts as an e-mail address (the Unit's contacts, the lead's address setting).
 * The pattern zod's `regexes.email` had, kept when validation moved to valibot so the same
 * addresses pass: valibot's `email()` refuses some real ones (an apostrophe, a punycode domain
 * such as "xn--…").
 */
export const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
