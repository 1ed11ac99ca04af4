import { ACTIVE_SUPPORT_TIME_ZONES, resolveZendeskTimeZone } from '../../../src/procedure/periods';

describe('resolveZendeskTimeZone', () => {
  it.each([
    ['Brasilia', 'America/Sao_Paulo'],
    ['Eastern Time (US & Canada)', 'America/New_York'],
    ['UTC', 'Etc/UTC'],
    ['International Date Line West', 'Etc/GMT+12'],
    ["Nuku'alofa", 'Pacific/Tongatapu'],
  ])('maps the Rails name %s to %s', (rails, iana) => {
    expect(resolveZendeskTimeZone(rails)).toEqual({ ok: true, ianaName: iana });
  });

  it('lets IANA names through unchanged', () => {
    expect(resolveZendeskTimeZone('America/Manaus')).toEqual({ ok: true, ianaName: 'America/Manaus' });
  });

  it.each(['Brasília', 'Nowhere/City', '', '-03:00', 'GMT-3'])('rejects %j instead of falling back to UTC', (name) => {
    const result = resolveZendeskTimeZone(name);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unknown_time_zone');
  });

  it('carries the whole ActiveSupport list, every entry usable by the runtime', () => {
    const names = Object.keys(ACTIVE_SUPPORT_TIME_ZONES);
    expect(names).toHaveLength(152);
    for (const name of names) expect(resolveZendeskTimeZone(name).ok, name).toBe(true);
  });
});
