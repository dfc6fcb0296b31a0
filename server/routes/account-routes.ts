/** Staff accounts: administration (role admin). */
import { defineRoutes } from '../http/route';

export const accountRoutes = defineRoutes([]);
