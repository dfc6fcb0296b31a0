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

/**
 * Sends a message at most once per key. A crash between sending and marking can resend it on
 * retry (SMTP has no idempotency); the Message-ID derived from the key lets mail clients
 * collapse such a duplicate.
 */
export async function sendMailOnce(model: ReadModel, mailer: Mailer, key: string, message: MailMessage): Promise<void> {
  const existing = await model.sentMails.findOne({ key }).lean();
  if (existing?.status === 'sent') return;
  await model.sentMails.updateOne({ key }, { $setOnInsert: { status: 'sending' } }, { upsert: true });
  const messageId = `<${key.replace(/[^A-Za-z0-9.-]/g, '.')}@amtsweg>`;
  await mailer.send({ ...message, messageId });
  await model.sentMails.updateOne({ key }, { $set: { status: 'sent', messageId, sentAt: new Date() } });
}
