/** All activities the worker hosts, built from their outside-system adapters; a name defined twice fails here. */
import { createParkingTicketActivities, type ParkingTicketActivityDeps } from './parking-ticket';
import { createDogTaxActivities, type DogTaxActivityDeps } from './dog-tax';
import { createDraftActivities, type DraftActivityDeps } from './drafts';
import { createAttachmentActivities, type AttachmentActivityDeps } from './attachments';
import { createRateLimitActivities, type RateLimitActivityDeps } from './rate-limits';
import { createAccountActivities, type AccountActivityDeps } from './accounts';
import { createTaskActivities } from './tasks';
import { createFineProceedingsActivities, type FineProceedingsActivityDeps } from './fine-proceedings';
import { mergeActivities } from './merge-activities';
import { createPaymentActivities, type PaymentActivityDeps } from './payments';

export type ActivityDeps = ParkingTicketActivityDeps & FineProceedingsActivityDeps & DogTaxActivityDeps & DraftActivityDeps & AttachmentActivityDeps & PaymentActivityDeps & RateLimitActivityDeps & AccountActivityDeps;

export function createActivities(deps: ActivityDeps) {
  return mergeActivities(createParkingTicketActivities(deps), createDogTaxActivities(deps), createDraftActivities(deps), createAttachmentActivities(deps), createRateLimitActivities(deps), createAccountActivities(deps), createTaskActivities(deps), createFineProceedingsActivities(deps), createPaymentActivities(deps));
}
