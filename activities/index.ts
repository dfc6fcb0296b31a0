/** All activities the worker hosts, built from their outside-system adapters. */
import { createParkingTicketActivities, type ParkingTicketActivityDeps } from './parking-ticket';
import { createDogTaxActivities, type DogTaxActivityDeps } from './dog-tax';

export type ActivityDeps = ParkingTicketActivityDeps & DogTaxActivityDeps;

export function createActivities(deps: ActivityDeps) {
  return { ...createParkingTicketActivities(deps), ...createDogTaxActivities(deps) };
}
