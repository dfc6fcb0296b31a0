/**
 * Generates the web app's API types (web/src/api/schema.d.ts) from the OpenAPI document that
 * the route table describes — the same document /api/openapi.json serves — without starting a
 * server. `npm test` and `npm run build:web` run it first; `--check` (and CI=true) only tells
 * whether the committed file is stale and fails then, like test/unit/api-types.test.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { routeTable } from '../server/app';
import { buildOpenApi } from '../server/http/openapi';
import type { RouteSpec } from '../server/http/route';

export const API_TYPES_FILE = fileURLToPath(new URL('../web/src/api/schema.d.ts', import.meta.url));

const banner = `/**
 * Generated from the OpenAPI document by scripts/generate-api-types.ts — do not edit.
 * Change the route schemas in server/routes instead; \`npm test\` and \`npm run build:web\` regenerate it.
 */

`;

/** The file as the route table makes it today. */
export async function apiTypesSource(routes: RouteSpec[] = routeTable): Promise<string> {
  const doc = buildOpenApi(routes, 'http://localhost');
  const ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0], { exportType: true, alphabetize: true, emptyObjectsUnknown: true });
  return banner + astToString(ast);
}

async function run(): Promise<void> {
  const source = await apiTypesSource();
  let committed = '';
  try {
    committed = readFileSync(API_TYPES_FILE, 'utf8');
  } catch {
    // first run: no file yet
  }
  if (committed === source) return;
  // In CI the committed file must already be fresh: regenerating there would hide a stale commit.
  if (process.argv.includes('--check') || process.env.CI) {
    console.error('web/src/api/schema.d.ts is stale: run `npx tsx scripts/generate-api-types.ts` and commit it');
    process.exit(1);
  }
  writeFileSync(API_TYPES_FILE, source);
  console.log('[amtsweg] web/src/api/schema.d.ts regenerated from the route schemas: commit it with them');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
