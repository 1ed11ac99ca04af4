import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fieldText, orEmpty, timestampMs } from '../../../src/zendesk/field-text';

// valibot skips an object key that is absent unless its schema has a default: these schemas must
// still read a missing key as empty, as Zendesk leaves keys out as often as it sends null.
describe('shared value schemas', () => {
  const ticket = v.object({ tags: orEmpty(v.array(v.string()), []), field: fieldText });

  it('read a missing key, null and a value alike inside an object', () => {
    expect(v.parse(ticket, {})).toEqual({ tags: [], field: null });
    expect(v.parse(ticket, { tags: null, field: null })).toEqual({ tags: [], field: null });
    expect(v.parse(ticket, { tags: ['vip'], field: 12 })).toEqual({ tags: ['vip'], field: '12' });
  });

  it('turn field values into the text the procedure compares', () => {
    expect(v.parse(fieldText, '')).toBeNull();
    expect(v.parse(fieldText, true)).toBe('true');
    expect(v.parse(fieldText, ['a', 'b'])).toBe('a b');
    expect(v.safeParse(fieldText, { a: 1 }).success).toBe(false);
  });

  it('still refuse a present value of the wrong type', () => {
    expect(v.safeParse(ticket, { tags: 'vip' }).success).toBe(false);
    expect(v.safeParse(ticket, { tags: [1] }).success).toBe(false);
  });

  it('read Zendesk timestamps and refuse anything else, naming it', () => {
    expect(v.parse(timestampMs, '2026-11-28T10:00:00Z')).toBe(Date.UTC(2026, 10, 28, 10));
    const refused = v.safeParse(timestampMs, 'yesterday');
    expect(refused.success).toBe(false);
    expect(refused.issues?.[0]?.message).toBe('not a timestamp: yesterday');
  });
});
