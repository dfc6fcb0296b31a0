/**
 * Registers the search attributes amtsweg workflows set (typed keys in workflows/search-attributes.ts):
 * what operators filter on in the Temporal UI. Never personal data (they are stored unencrypted).
 */
import type { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { AMTSWEG_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';

/** Name → type as the dev server's `--search-attribute` flag spells it (all are keywords). */
export const SEARCH_ATTRIBUTES: Record<string, 'Keyword'> = Object.fromEntries(AMTSWEG_SEARCH_ATTRIBUTES.map((key) => [key.name, 'Keyword' as const]));

/** Registers missing ones (dev server, test server, a cluster that allows it); a refusal is reported, not fatal. */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const keyword = proto.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
  let missing: string[] = Object.keys(SEARCH_ATTRIBUTES);
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    missing = missing.filter((name) => !(name in (existing.customAttributes ?? {})));
  } catch {
    // The Java test server cannot list them but can add them: try adding all.
  }
  if (missing.length === 0) return;
  try {
    await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: Object.fromEntries(missing.map((m) => [m, keyword])) });
  } catch (error) {
    if (/already exists/i.test((error as Error).message)) return;
    console.warn(`[amtsweg] could not register search attributes ${missing.join(', ')} (register them with \`temporal operator search-attribute create\`):`, (error as Error).message);
  }
}
