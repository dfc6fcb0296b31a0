// Every workflow type the worker hosts; the bundle's entry point.
export { parkingTicketWorkflow } from './parking-ticket/workflow';
export { dogRegistrationWorkflow } from './dog-tax/registration';
export { dogDeregistrationWorkflow } from './dog-tax/deregistration';
export { dogTaxExemptionWorkflow } from './dog-tax/exemption';
export { draftExpiryWorkflow } from './drafts/draft-expiry';
export { staleAttachmentCleanupWorkflow } from './attachments/cleanup';
export { citizenLimitPurgeWorkflow } from './rate-limits/purge';
export { staffSignInPurgeWorkflow } from './accounts/purge';
export { fineProceedingsWorkflow } from './fine-proceedings/workflow';
export { paymentReconciliationWorkflow } from './payments/reconciliation';
