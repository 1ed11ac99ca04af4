/** Id generation. Numeric ids come from one account-wide sequence kept in the state (so they survive a restart). */

/** @param {{seq: number}} state */
export function nextId(state) {
  state.seq += 1;
  return state.seq;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(n, length) {
  let out = '';
  let v = BigInt(n);
  for (let i = 0; i < length; i += 1) {
    out = CROCKFORD[Number(v % 32n)] + out;
    v /= 32n;
  }
  return out;
}

/**
 * Custom object record ids are ULID strings in Zendesk ("01GDXYD7ZTWYP542BA8MDDTE36").
 * Time part + the account sequence: ids sort in creation order, which cursor pagination relies on.
 * @param {{seq: number}} state @param {number} ms
 */
export function ulid(state, ms) {
  return base32(ms, 10) + base32(nextId(state), 16);
}
