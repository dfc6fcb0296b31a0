/** All activities the worker hosts, built from their outside-system adapters. */
import { createParkingTicketActivities, type ParkingTicketActivityDeps } from './parking-ticket';
import { createDogTaxActivities, type DogTaxActivityDeps } from './dog-tax';
import { createDraftActivities, type DraftActivityDeps } from './drafts';
import { createAttachmentActivities, type AttachmentActivityDeps } from './attachments';
import { createTaskActivities } from './tasks';
import { createFineProceedingsActivities, type FineProceedingsActivityDeps } from './fine-proceedings';

export type ActivityDeps = ParkingTicketActivityDeps & FineProceedingsActivityDeps & DogTaxActivityDeps & DraftActivityDeps & AttachmentActivityDeps;

export function createActivities(deps: ActivityDeps) {
  return { ...createParkingTicketActivities(deps), ...createDogTaxActivities(deps), ...createDraftActivities(deps), ...createAttachmentActivities(deps), ...createTaskActivities(deps), ...createFineProceedingsActivities(deps) };
}
