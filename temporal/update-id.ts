/**
 * The Update ID of an Update sent on behalf of an HTTP request with an Idempotency-Key: the
 * same request retried (or sent twice at once) is the same Update, which Temporal runs once and
 * answers again with its first result. Scoped by what the Update is for and who sends it, so
 * one key reused elsewhere never meets another request's answer.
 */
import { createHash } from 'node:crypto';

export function updateIdFor(idempotencyKey: string | undefined, ...scope: string[]): string | undefined {
  if (!idempotencyKey) return undefined;
  return `${scope[0]}:${createHash('sha256').update(JSON.stringify([...scope, idempotencyKey])).digest('hex').slice(0, 40)}`;
}
