/**
 * Deeply nested JSON costs nothing to send but overflowed the stack after parsing (a 500 from
 * structuredClone at 10,000 levels of arrays or 20,000 of objects). It is refused before
 * parsing with 422 and a message in German and English, on public routes and the designer's
 * check route alike, and the server answers the next request as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '../../scripts/lib/run-system';
import { HttpClient, startTestSystem } from '../support/system';
import { MAX_JSON_DEPTH } from '../../server/http/json-depth';

let app: RunningSystem;
let designer: HttpClient;
beforeAll(async () => {
  app = await startTestSystem('http_deep_json');
  designer = new HttpClient(app.baseUrl);
  await designer.signInStaff();
});
afterAll(async () => { await app?.stop(); });

const arrays = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const objects = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

async function post(path: string, body: string, lang: 'de' | 'en', headers: Record<string, string> = {}) {
  const res = await fetch(`${app.baseUrl}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': lang, ...headers }, body });
  return { status: res.status, json: (await res.json().catch(() => undefined)) as { error?: { code: string; message: string } } | undefined };
}

describe('deeply nested JSON', () => {
  it.each([
    ['10,000 levels of arrays', arrays(10_000)],
    ['20,000 levels of objects', objects(20_000)],
  ])('when a public route gets %s, then 422 with a clear message in German and English', async (_, body) => {
    for (const path of ['/api/parking-tickets/access', '/api/forms/dog-tax-registration/submissions']) {
      const de = await post(path, body, 'de');
      expect({ path, status: de.status, code: de.json?.error?.code }).toEqual({ path, status: 422, code: 'validation_failed' });
      expect(de.json?.error?.message).toBe(`Der Inhalt ist zu tief verschachtelt (höchstens ${MAX_JSON_DEPTH} Ebenen).`);
      const en = await post(path, body, 'en');
      expect(en.json?.error?.message).toBe(`The body is nested too deeply (at most ${MAX_JSON_DEPTH} levels).`);
    }
  });

  it.each([
    ['arrays', arrays(10_000)],
    ['objects', objects(20_000)],
  ])('when the designer\'s check route gets deeply nested %s, then 422, and the server goes on answering', async (_, body) => {
    const cookie = (designer as unknown as { cookie: string }).cookie;
    const res = await post('/api/forms/record-parking-ticket/check', body, 'en', { Cookie: cookie, 'X-CSRF-Token': designer.csrfToken });
    expect({ status: res.status, code: res.json?.error?.code, message: res.json?.error?.message })
      .toEqual({ status: 422, code: 'validation_failed', message: `The body is nested too deeply (at most ${MAX_JSON_DEPTH} levels).` });
    expect((await designer.request('GET', '/api/forms/record-parking-ticket')).status).toBe(200);
  });

  it('when a body nests exactly to the limit, then it is parsed and judged by its content (brackets inside strings do not count)', async () => {
    const body = `{"code":"${'['.repeat(500)}","plate":${objects(MAX_JSON_DEPTH - 1)}}`;
    const res = await post('/api/parking-tickets/access', body, 'en');
    expect(res.json?.error?.message).not.toContain('nested too deeply');
    expect(res.status).toBe(422);
  });
});
