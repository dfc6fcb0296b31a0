/**
 * The search attributes amtsweg workflows set: what operators filter on in the Temporal UI.
 * Never personal data (they are stored unencrypted): procedure, case number, status.
 */
import type { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';

export const SEARCH_ATTRIBUTES = { AmtswegProcedure: 'Keyword', AmtswegCaseNumber: 'Keyword', AmtswegStatus: 'Keyword' } as const;

/** Registers missing ones (dev server, test server, a cluster that allows it); a refusal is reported, not fatal. */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const keyword = proto.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    const missing = Object.keys(SEARCH_ATTRIBUTES).filter((name) => !(name in (existing.customAttributes ?? {})));
    if (missing.length === 0) return;
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: Object.fromEntries(missing.map((m) => [m, keyword])) });
  } catch (error) {
    console.warn(`[amtsweg] could not register search attributes ${Object.keys(SEARCH_ATTRIBUTES).join(', ')} (register them with \`temporal operator search-attribute create\`):`, (error as Error).message);
  }
}
