/** Bußgeldverfahren: the citizen's online hearing answer and fine-office actions. */
import { defineRoutes } from '../http/route';

export const hearingRoutes = defineRoutes([]);
