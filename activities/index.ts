/** All activities the worker hosts, built from their outside-system adapters. */
import { createParkingTicketActivities, type ParkingTicketActivityDeps } from './parking-ticket';
import { createDogTaxActivities, type DogTaxActivityDeps } from './dog-tax';
import { createDraftActivities, type DraftActivityDeps } from './drafts';

export type ActivityDeps = ParkingTicketActivityDeps & DogTaxActivityDeps & DraftActivityDeps;

export function createActivities(deps: ActivityDeps) {
  return { ...createParkingTicketActivities(deps), ...createDogTaxActivities(deps), ...createDraftActivities(deps) };
}
