import { browser, ctx, signIn, BASE } from './lib.mjs';
const b = await browser(); const c = await ctx(b); const page = await c.newPage();
await page.goto(`${BASE}/dienst/erfassen`); await page.waitForSelector('#staff-access-key'); await signIn(page);
await page.waitForSelector('#root_plate');
console.log(await page.$$eval('#root_offenceCode option', (os) => os.map((o) => `${o.value}|${o.textContent}|${o.selected}`)));
console.log(await page.inputValue('#root_offenceCode'));
for (const plate of ['HAAB123', 'XYZ-AB 1', 'HA-ABC 1', 'HA-AB 12345', 'Q-A 1']) {
  const r = await page.request.post(`${BASE}/api/parking-tickets`, { headers: { 'Idempotency-Key': 'probe-' + Math.random().toString(36).slice(2), 'Accept-Language': 'de' }, data: { offenceCode: '141312', plate, place: 'Markt 1', observedAt: '2026-11-25T12:00:00Z' } });
  console.log(plate, r.status(), (await r.text()).slice(0, 300));
}
const r = await page.request.post(`${BASE}/api/parking-tickets`, { headers: { 'Idempotency-Key': 'probe-x' + Math.random().toString(36).slice(2) }, data: { offenceCode: '141312', plate: 'HA-AB 1', place: 'Markt 1', observedAt: '2026-11-25T12:00' } });
console.log('no-seconds', r.status(), (await r.text()).slice(0, 300));
await b.close();
