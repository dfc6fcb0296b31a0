/** The guess counts of the citizen side's secrets (ticket codes, letter codes, link tokens): one AttemptCounter, used by the API and purged by a schedule. */
import type { Connection } from 'mongoose';
import { AttemptCounter } from '../attempt-counter';

export const PORTAL_GUESS_COLLECTION = 'portal_guess';

export const portalGuessCounter = (conn: Connection) => new AttemptCounter(conn, 'PortalGuess', PORTAL_GUESS_COLLECTION);
