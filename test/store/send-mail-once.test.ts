/** One idempotency key, one e-mail: the send is claimed by inserting `_id` = key (sendMailOnce), read back from MailDev. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { ensureReadModelIndexes, readModel, type ReadModel } from '../../store/models';
import { SmtpMailer, sendMailOnce } from '../../adapters/mail/mailer';
import { testMongoUri } from '../support/env';
import { mailsTo } from '../support/activity-env';
import { stack } from '../support/env';
import { eventually } from '../support/eventually';

let conn: Connection;
let model: ReadModel;
let mailer: SmtpMailer;

beforeAll(async () => {
  conn = await mongoose.createConnection(testMongoUri('read_model_sent_mails')).asPromise();
  await conn.dropDatabase();
  await ensureReadModelIndexes(conn);
  model = readModel(conn);
  mailer = new SmtpMailer(stack.smtpUrl, 'Stadt Hagen <test@hagen.example>');
});
afterAll(async () => {
  mailer?.close();
  await conn?.close();
});

const message = (to: string) => ({ to, subject: 'Ihr Vorgang / Your case', text: 'Hallo' });

describe('sendMailOnce', () => {
  it('when eight sends with one key run at once, then one e-mail arrives and the key is marked sent', async () => {
    const to = `once-${randomUUID().slice(0, 8)}@example.org`;
    const key = `test-mail:${to}`;
    await Promise.all(Array.from({ length: 8 }, () => sendMailOnce(model, mailer, key, message(to))));
    await eventually(async () => (await mailsTo(to)).length > 0, 'the e-mail');
    await new Promise((resolve) => setTimeout(resolve, 500)); // a second one would have arrived by now
    expect(await mailsTo(to)).toHaveLength(1);
    expect(await model.sentMails.findById(key).lean()).toMatchObject({ status: 'sent', key });
    // Later retries send nothing either.
    await sendMailOnce(model, mailer, key, message(to));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await mailsTo(to)).toHaveLength(1);
  });

  it('when a send fails, then its claim is released and the retry sends', async () => {
    const to = `retry-${randomUUID().slice(0, 8)}@example.org`;
    const key = `test-mail:${to}`;
    const unreachable = new SmtpMailer('smtp://127.0.0.1:1', 'Stadt Hagen <test@hagen.example>'); // nothing listens there
    await expect(sendMailOnce(model, unreachable, key, message(to))).rejects.toThrow();
    unreachable.close();
    expect(await model.sentMails.findById(key).lean()).toBeNull();
    await sendMailOnce(model, mailer, key, message(to));
    await eventually(async () => (await mailsTo(to)).length === 1, 'the e-mail');
  });
});
