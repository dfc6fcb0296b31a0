/**
 * The search attributes amtsweg workflows set, as typed keys (what operators filter on in the
 * Temporal UI). Never personal data — they are stored unencrypted: procedure, case number,
 * status. Workflow-safe (only @temporalio/common): workflows, the API and the registration in
 * temporal/search-attributes.ts share these keys.
 */
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair, type SearchAttributeUpdatePair } from '@temporalio/common';

export const PROCEDURE = defineSearchAttributeKey('AmtswegProcedure', SearchAttributeType.KEYWORD);
export const CASE_NUMBER = defineSearchAttributeKey('AmtswegCaseNumber', SearchAttributeType.KEYWORD);
export const STATUS = defineSearchAttributeKey('AmtswegStatus', SearchAttributeType.KEYWORD);
export const AMTSWEG_SEARCH_ATTRIBUTES = [PROCEDURE, CASE_NUMBER, STATUS] as const;

/** At start: the procedure (and, for a child, its case number and first status). */
export const caseAttributes = (procedure: string, caseNumber?: string, status?: string): SearchAttributePair[] => [
  { key: PROCEDURE, value: procedure },
  ...(caseNumber !== undefined ? [{ key: CASE_NUMBER, value: caseNumber }] : []),
  ...(status !== undefined ? [{ key: STATUS, value: status }] : []),
];

/** For upsertSearchAttributes: the case number and/or the status. */
export const caseUpdate = (fields: { procedure?: string; caseNumber?: string; status?: string }): SearchAttributeUpdatePair[] => [
  ...(fields.procedure !== undefined ? [{ key: PROCEDURE, value: fields.procedure }] : []),
  ...(fields.caseNumber !== undefined ? [{ key: CASE_NUMBER, value: fields.caseNumber }] : []),
  ...(fields.status !== undefined ? [{ key: STATUS, value: fields.status }] : []),
];
