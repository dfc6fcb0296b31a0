/**
 * Signals and types of the draft-expiry workflow, shared by the workflow, its activities and
 * the API. A saved draft lives 7 days; the workflow's durable timer is its expiry (FerretDB has
 * no TTL indexes).
 */
import { defineSignal } from '@temporalio/workflow';

/** How long a saved draft and its resume link stay valid. */
export const DRAFT_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The workflow ID carries only the random draft ID: no personal data (README, Temporal
 * conventions). One workflow per draft.
 */
export const draftWorkflowId = (draftId: string) => `form-draft-${draftId}`;

/** The e-mail address is personal: it travels only in the (encrypted) workflow input. */
export interface DraftExpiryInput { draftId: string; formId: string; formVersion: number; email: string; expiresAt: string }

/**
 * Why a draft ended before its 7 days: the citizen submitted the form (the portal then deletes
 * the draft) or discarded it. Resuming does not end a draft, so reloading the page keeps it.
 */
export type DraftEndReason = 'submitted' | 'discarded';
export type DraftOutcome = DraftEndReason | 'expired';

/** Sent by the API after it deleted the draft: the workflow stops waiting and cleans up. */
export const draftEndedSignal = defineSignal<[{ reason: DraftEndReason }]>('draftEnded');
