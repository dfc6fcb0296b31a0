/**
 * Attachments (Nachweise) over HTTP: the type is detected from the content (a renamed .exe is
 * refused whatever its name and claimed type), the size is limited, a submission may only name
 * uploaded attachments that no other case took, and the status page serves them by token.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentCleanupScheduleId } from '../../temporal/schedules';
import { HttpClient, startTestSystem } from '../support/system';
import { eventually } from '../support/eventually';

let app: Awaited<ReturnType<typeof startTestSystem>>;
let citizen: HttpClient;

beforeAll(async () => {
  app = await startTestSystem('http_attachments');
  citizen = new HttpClient(app.baseUrl);
});
afterAll(async () => {
  await app?.stop();
});

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 test image'), Buffer.from([0xff, 0xd9])]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\0\0\0\rIHDR test image')]);
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from('This program cannot be run in DOS mode.')]);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function upload(data: Buffer, filename: string, contentType: string, lang = 'de') {
  const res = await fetch(`${app.baseUrl}/api/attachments`, {
    method: 'POST', body: new Uint8Array(data),
    headers: { 'Content-Type': contentType, 'X-Filename': encodeURIComponent(filename), 'Accept-Language': lang },
  });
  return { status: res.status, json: await res.json() as any };
}

const holder = { familyName: 'Musterfrau', givenName: 'Maria', birthDate: '1970-01-02', street: 'Elberfelder Str. 1', postalCode: '58095', email: 'maria@example.org' };
const exemption = (evidenceIds: string[]) => ({ tagNumber: 'HSM-2026-0001', holder, ground: 'social_benefits', evidenceIds });
const submit = (body: unknown, key: string) => citizen.request('POST', '/api/forms/dog-tax-exemption/submissions', body, { 'Idempotency-Key': key });

describe('uploading evidence', () => {
  it('accepts PDF, JPEG and PNG with the type detected from the content and the sha256 of the bytes', async () => {
    for (const [data, name, claimed, detected] of [
      [pdf, 'Bescheid Bürgergeld.pdf', 'application/pdf', 'application/pdf'],
      [jpeg, 'ausweis.jpg', 'application/octet-stream', 'image/jpeg'],
      [png, 'scan', 'image/jpeg', 'image/png'],
    ] as const) {
      const res = await upload(data, name, claimed);
      expect(res.status, name).toBe(201);
      expect(res.json).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), filename: name, contentType: detected, size: data.length, sha256: sha256(data) });
      const stored = await app.system.attachments.read(res.json.id);
      expect(stored?.data.equals(data)).toBe(true);
      expect(stored?.info.linkedCase).toBeNull();
    }
  });

  it('refuses a renamed .exe (nachweis.pdf, Content-Type application/pdf) with 422 on the field file', async () => {
    const res = await upload(exe, 'nachweis.pdf', 'application/pdf');
    expect(res.status).toBe(422);
    expect(res.json.error.fields).toEqual([{ field: 'file', message: expect.stringContaining('Nur PDF, JPEG oder PNG') }]);
    const en = await upload(exe, 'nachweis.pdf', 'application/pdf', 'en');
    expect(en.json.error.fields[0].message).toContain('Only PDF, JPEG or PNG');
  });

  it('refuses a file over 10 MB with 413 in the usual error shape', async () => {
    const big = Buffer.concat([pdf, Buffer.alloc(11 * 1024 * 1024)]);
    const res = await upload(big, 'gross.pdf', 'application/pdf');
    expect(res.status).toBe(413);
    expect(res.json.error).toMatchObject({ code: 'payload_too_large', message: 'Die Datei ist größer als 10 MB.' });
  });
});

describe('evidence in a submission', () => {
  it('refuses an unknown id on the field evidenceIds', async () => {
    const res = await submit(exemption(['0123456789abcdef0123456789abcdef']), 'att-exm-unknown');
    expect(res.status).toBe(422);
    expect(res.json.error.fields.map((f: { field: string }) => f.field)).toEqual(['evidenceIds']);
  });

  it('links uploaded evidence to the case, lists and serves it on the status page, and refuses it for a second case', async () => {
    const first = await upload(pdf, 'Bescheid Bürgergeld.pdf', 'application/pdf');
    const second = await upload(png, 'ausweis.png', 'image/png');
    const ids = [first.json.id, second.json.id];
    const applied = await submit(exemption(ids), 'att-exm-0001');
    expect(applied.status).toBe(202);
    const { caseNumber, statusToken } = applied.json;
    // The same key answers the same case (the claim is the same workflow's again).
    expect((await submit(exemption(ids), 'att-exm-0001')).json.caseNumber).toBe(caseNumber);

    const view = await eventually(async () => {
      const s = (await citizen.request('POST', `/api/cases/${caseNumber}/status`, { token: statusToken })).json;
      return s.documents?.some((d: { kind: string }) => d.kind === 'attachment') && s;
    }, 'attachments on the status page');
    const listed = view.documents.filter((d: { kind: string }) => d.kind === 'attachment');
    expect(listed.map((d: { title: { de: string } }) => d.title.de)).toEqual(['Nachweis: Bescheid Bürgergeld.pdf', 'Nachweis: ausweis.png']);
    const withToken = (token: string) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
    const download = await fetch(`${app.baseUrl}${listed[0].url}`, withToken(statusToken));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    const wrongToken = await fetch(`${app.baseUrl}${listed[0].url}`, withToken('wrong'));
    expect(wrongToken.status).toBe(404);

    const reused = await submit(exemption([first.json.id]), 'att-exm-0002');
    expect(reused.status).toBe(422);
    expect(reused.json.error.fields[0].field).toBe('evidenceIds');
  });

  it('deletes uploads no case claimed after 24 hours, and keeps claimed ones', async () => {
    const stale = await upload(jpeg, 'alt.jpg', 'image/jpeg');
    const inDay = new Date(Date.now() + 24 * 3600_000 + 1000);
    const deleted = await app.system.attachments.deleteUnclaimed(inDay);
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await app.system.attachments.info(stale.json.id)).toBeNull();
    expect((await app.system.model.dogTaxCases.countDocuments({ procedure: 'dog-tax-exemption' }))).toBe(1);
    const linked = await app.system.attachments.listForCase((await app.system.model.dogTaxCases.findOne({ procedure: 'dog-tax-exemption' }).lean())!.caseNumber);
    expect(linked).toHaveLength(2);
  });

  it('runs the cleanup every hour as a Temporal schedule: the cleanup workflow deletes uploads older than a day', async () => {
    const schedule = await app.system.temporal.schedule.getHandle(attachmentCleanupScheduleId(app.taskQueue)).describe();
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'staleAttachmentCleanupWorkflow' });
    const fresh = await upload(png, 'neu.png', 'image/png');
    const old = await upload(png, 'alt.png', 'image/png');
    await app.system.conn.collection('attachments').updateOne({ _id: old.json.id }, { $set: { createdAt: new Date(Date.now() - 25 * 3600_000) } });
    const result = await app.system.temporal.workflow.execute('staleAttachmentCleanupWorkflow', { taskQueue: app.taskQueue, workflowId: `cleanup-test-${Date.now()}` });
    expect(result).toEqual({ deleted: 1 });
    expect(await app.system.attachments.info(old.json.id)).toBeNull();
    expect(await app.system.attachments.info(fresh.json.id)).not.toBeNull();
  });
});
