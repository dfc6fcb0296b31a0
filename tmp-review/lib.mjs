import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import fs from 'node:fs';
export const BASE = 'http://127.0.0.1:3100';
export const KEY = fs.readFileSync('/tmp/amtsweg-review/keys/staff-access.key', 'utf8').trim();
export async function browser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync'] });
}
export async function ctx(b, { lang = 'de', width = 1280, tz = 'Europe/Berlin' } = {}) {
  const c = await b.newContext({ viewport: { width, height: 900 }, timezoneId: tz, locale: lang === 'de' ? 'de-DE' : 'en-GB' });
  await c.addInitScript((l) => { try { if (!sessionStorage.getItem('__init')) { localStorage.setItem('amtsweg.lang', l); sessionStorage.setItem('__init','1'); } } catch {} }, lang);
  return c;
}
export async function shot(page, name) { await page.screenshot({ path: `/work/main/tmp-review/shots/${name}.png`, fullPage: true }); }
export async function axe(page, name) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a','wcag2aa','wcag21a','wcag21aa']).analyze();
  const v = r.violations.map((x) => `${x.id} (${x.impact}): ${x.nodes.length} nodes ${x.nodes.slice(0,3).map(n=>n.target.join(' ')).join(' | ')}`);
  console.log(`AXE ${name}: ${v.length ? v.join('\n   ') : 'ok'}`);
  return r.violations;
}
export async function signIn(page) {
  if (await page.locator('#staff-access-key').count()) {
    await page.fill('#staff-access-key', KEY);
    await page.locator('form button[type=submit]').click();
  }
}
