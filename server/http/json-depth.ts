/**
 * Refuses a JSON body nested deeper than any real request before it is parsed: deep nesting
 * costs nothing to send but overflows the stack of every recursive step after the parser
 * (structuredClone, ajv, mongoose) — 10,000 levels of arrays were a 500. Used as the JSON body
 * parser's `verify`, on the raw bytes, in one pass without recursion.
 */
import { AppError } from './app-error';

/** The deepest built-in form schema (a designer's check body: schema + uiSchema) nests about 12 levels. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22, BACKSLASH = 0x5c, OPEN_BRACE = 0x7b, OPEN_BRACKET = 0x5b, CLOSE_BRACE = 0x7d, CLOSE_BRACKET = 0x5d;

/** How deep `buf` nests objects and arrays, counting only outside strings; stops counting past `limit`. */
export function jsonDepth(buf: Uint8Array, limit = Infinity): number {
  let depth = 0, max = 0, inString = false;
  for (let i = 0; i < buf.length; i += 1) {
    const c = buf[i]!;
    if (inString) {
      if (c === BACKSLASH) i += 1;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth += 1;
      if (depth > max && (max = depth) > limit) return max;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth -= 1;
  }
  return max;
}

export function tooDeeplyNested(): AppError {
  return new AppError('validation_failed', {
    de: `Der Inhalt ist zu tief verschachtelt (höchstens ${MAX_JSON_DEPTH} Ebenen).`,
    en: `The body is nested too deeply (at most ${MAX_JSON_DEPTH} levels).`,
  }, { fields: [{ field: '(body)', message: { de: `Höchstens ${MAX_JSON_DEPTH} Ebenen.`, en: `At most ${MAX_JSON_DEPTH} levels.` } }] });
}

/** The body parser's `verify`: throws the 422 before JSON.parse sees the bytes. */
export function rejectDeepJson(buf: Uint8Array): void {
  if (jsonDepth(buf, MAX_JSON_DEPTH) <= MAX_JSON_DEPTH) return;
  const error = tooDeeplyNested();
  // The body parser (http-errors) writes `status` onto what verify throws; AppError only has a getter.
  Object.defineProperty(error, 'status', { value: error.status, writable: true, enumerable: false });
  throw error;
}
