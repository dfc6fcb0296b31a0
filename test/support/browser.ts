/**
 * What every browser test needs: the system, Debian's chromium (installed by `npm test`), the
 * built web app, and axe-core's WCAG 2.1 A/AA check.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestSystem } from './system';

type RunningTestSystem = Awaited<ReturnType<typeof startTestSystem>>;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}: run \`npm test\`, which installs Debian's chromium`);
  if (!existsSync('dist/web/index.html')) throw new Error('dist/web is missing: run `npm run build:web` (npm test does)');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The WCAG 2.1 A/AA violations axe-core finds on the page, one line each with where (none: []). */
export async function wcagViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Fails with the list of violations, naming where on the way the page was checked. */
export async function expectNoWcagViolations(page: Page, where?: string): Promise<void> {
  expect(await wcagViolations(page), where).toEqual([]);
}

export interface BrowserTestContext {
  readonly app: RunningTestSystem;
  readonly browser: Browser;
}

/** One system (own database) and one chromium per browser test file, started before and stopped after its tests. */
export function useBrowserTestSystem(dbName: string): BrowserTestContext {
  let app: RunningTestSystem | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startTestSystem(dbName);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  return {
    get app() { return app!; },
    get browser() { return browser!; },
  };
}
