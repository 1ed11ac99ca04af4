// The leads' dashboard (nav_bar location) does not exist yet. When it does, measure it here with
// the same tools as the sidebar (a sandbox started with `--fixtures big`, the request log, a frame
// target such as `[data-testid="dashboard-list"]` via page-instrumentation.mjs) and return real
// metrics; add their budgets to bench-budgets.json. run.mjs needs no change.
import { metric } from './metrics.mjs';

export const DASHBOARD_LABEL = 'dashboard: requests and time to list 5 000 tickets';

/** @returns {Promise<import('./metrics.mjs').Metric[]>} */
export async function measureDashboard() {
  return [metric('dashboard.listMs', DASHBOARD_LABEL, null, 'ms', { note: 'n/a (no dashboard yet)' })];
}
