/**
 * JSON with object keys sorted: the same data gives the same text whatever order its keys were
 * sent in — for comparing a submission with what a case holds and for scoping an Update ID by
 * what a request sent (a client that re-serialises its retry must still meet its first answer).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
