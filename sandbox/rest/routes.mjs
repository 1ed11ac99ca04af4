/** Every REST endpoint the emulator supports, in matching order (literal paths before :params). */
import { customObjectRoutes } from './custom-objects/objects.mjs';
import { recordRoutes } from './custom-objects/records.mjs';
import { macroRoutes } from './macros/routes.mjs';
import { compileRoutes } from './router.mjs';
import { scheduleRoutes } from './schedules.mjs';
import { searchRoutes } from './search/routes.mjs';
import { ticketFieldRoutes } from './ticket-fields.mjs';
import { ticketRoutes } from './tickets/routes.mjs';
import { userRoutes } from './users/routes.mjs';
import { viewRoutes } from './views/routes.mjs';

export const REST_ROUTES = compileRoutes([
  ...ticketRoutes,
  ...macroRoutes,
  ...ticketFieldRoutes,
  ...userRoutes,
  ...searchRoutes,
  ...viewRoutes,
  ...scheduleRoutes,
  ...recordRoutes,
  ...customObjectRoutes,
]);

/** For the README and its test: "GET /api/v2/tickets/:id", … */
export const listEndpoints = () => REST_ROUTES.map((r) => `${r.method} ${r.pattern}`);
