/**
 * Outgoing e-mail. SMTP is the one interface: the embedded default is MailDev's SMTP port
 * (readable in its web UI and HTTP API), production sets SMTP_URL to a relay.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { ReadModel } from '../../store/models';
import { DependencyUnavailableError } from '../../domain/dependency-unavailable';

const UNREACHABLE = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED']);

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface Mailer {
  send(message: MailMessage & { messageId: string }): Promise<void>;
  verify(): Promise<boolean>;
  close(): void;
}

export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(smtpUrl: string, private readonly from: string) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(message: MailMessage & { messageId: string }): Promise<void> {
    try {
      await this.transport.sendMail({ from: this.from, ...message });
    } catch (error) {
      // nodemailer's codes for "could not reach or talk to the relay"; a refused recipient stays as it is.
      if (UNREACHABLE.has((error as { code?: string }).code ?? '')) throw new DependencyUnavailableError('mail', `SMTP relay unreachable: ${(error as Error).message}`, { cause: error });
      throw error;
    }
  }

  async verify(): Promise<boolean> {
    return this.transport.verify().then(() => true, () => false);
  }

  close(): void {
    this.transport.close();
  }
}

/** How long a claim of a send may stay unfinished before another attempt takes it over (its sender crashed). */
const SEND_CLAIM_STALE_MS = 60_000;

/**
 * Sends a message at most once per key. The send is claimed by inserting `_id` = key (the one
 * write FerretDB v1 makes atomic under concurrency, and an `_id` look-up): of two concurrent
 * sends with one key, one sends and the other waits for it. A failed send releases its claim;
 * a crash between sending and marking leaves a claim that another attempt takes over after
 * a minute and sends again (SMTP has no idempotency): the Message-ID derived from the key lets
 * mail clients collapse such a duplicate.
 */
export async function sendMailOnce(model: ReadModel, mailer: Mailer, key: string, message: MailMessage): Promise<void> {
  const messageId = `<${key.replace(/[^A-Za-z0-9.-]/g, '.')}@amtsweg>`;
  let claimedAt = new Date();
  for (;;) {
    try {
      await model.sentMails.create({ _id: key, key, status: 'sending', claimedAt });
      break;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
    }
    const existing = await model.sentMails.findById(key).lean();
    if (!existing) continue; // released by a failed attempt: claim again
    if (existing.status === 'sent') return;
    const since = existing.claimedAt ?? existing.createdAt ?? new Date(0);
    if (Date.now() - new Date(since).getTime() >= SEND_CLAIM_STALE_MS) {
      claimedAt = new Date();
      await model.sentMails.updateOne({ _id: key, status: 'sending' }, { $set: { claimedAt } });
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    await mailer.send({ ...message, messageId });
  } catch (error) {
    await model.sentMails.deleteOne({ _id: key, status: 'sending', claimedAt });
    throw error;
  }
  await model.sentMails.updateOne({ _id: key }, { $set: { status: 'sent', messageId, sentAt: new Date() } });
}
