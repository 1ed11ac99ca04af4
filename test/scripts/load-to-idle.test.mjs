import { describe, expect, it } from 'vitest';
import { repeatedRequests, waterfallDepth } from '../../scripts/bench/load-to-idle.mjs';

const O = 'http://127.0.0.1:9';
const file = (path, text) => ({ url: `${O}${path}`, body: text === null ? null : Buffer.from(text) });

describe('the load-until-idle figures', () => {
  it('counts the waterfall as the shortest chain that names each loaded file, from the frame page', () => {
    const files = [
      file('/assets/iframe.html?app_guid=x', '<script type="module" src="./entry.js"></script><link rel="modulepreload" href="./vendor.js">'),
      file('/assets/entry.js', 'import "./vendor.js"; const later = () => import("./section.js");'),
      file('/assets/vendor.js', 'export const v = 1;'),
      file('/assets/section.js', 'import { v } from "./vendor.js"; import("./loaders.js");'),
      file('/assets/loaders.js', 'export const l = 2;'),
    ];
    // page 1 → entry, vendor 2 → section 3 → loaders 4; vendor is not 3 although section imports it too
    expect(waterfallDepth(files)).toBe(4);
    expect(waterfallDepth(files.slice(0, 3))).toBe(2);
  });

  it('does not count a file nobody loaded, and is 0 without the page', () => {
    const files = [file('/assets/iframe.html', '<script type="module" src="./entry.js"></script>'), file('/assets/entry.js', 'import("./never.js");')];
    expect(waterfallDepth(files)).toBe(2);
    expect(waterfallDepth([file('/assets/entry.js', '')])).toBe(0);
  });

  it('lists each request made again with the same method and URL', () => {
    const r = (method, url) => ({ method, url });
    const requests = [r('GET', '/api/v2/business_hours/schedules/1.json'), r('GET', '/api/v2/business_hours/schedules/1/holidays.json'), r('POST', '/api/v2/x'), r('GET', '/api/v2/business_hours/schedules/1.json'), r('GET', '/api/v2/x')];
    expect(repeatedRequests(requests)).toEqual(['GET /api/v2/business_hours/schedules/1.json']);
  });
});
