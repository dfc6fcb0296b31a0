/** All activities the worker hosts, built from their outside-system adapters. */
import { createParkingTicketActivities, type ParkingTicketActivityDeps } from './parking-ticket';

export type ActivityDeps = ParkingTicketActivityDeps;

export function createActivities(deps: ActivityDeps) {
  return { ...createParkingTicketActivities(deps) };
}
