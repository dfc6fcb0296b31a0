/** Dog-tax e-mails: German first, English below (who keeps a dog in Hagen may not read German). */
import type { MailMessage } from '../../adapters/mail/mailer';
import { bilingualMail } from '../mail/bilingual-mail';
import { DOG_TAX_ACTIONS } from '../../workflows/dog-tax/shared';
import type { CaseMail } from '../mail/send-case-mail';
import { CASE_TYPE } from '../../store/dog-tax/case-store';

const SIGNATURE_DE = ['', 'Mit freundlichen Grüßen', 'Stadt Hagen – Fachbereich Finanzen und Controlling'];
const SIGNATURE_EN = ['', 'Kind regards', 'City of Hagen – Finance Department'];

export interface DogTaxMailInput {
  to: string;
  subject: string;
  de: string[];
  en: string[];
  pdf?: { filename: string; content: Buffer };
}

export function dogTaxMail(i: DogTaxMailInput): MailMessage {
  const de = ['Guten Tag,', '', ...i.de, ...SIGNATURE_DE];
  const en = ['Hello,', '', ...i.en, ...SIGNATURE_EN];
  return {
    ...bilingualMail(i.to, i.subject, de, en),
    ...(i.pdf ? { attachments: [{ filename: i.pdf.filename, content: i.pdf.content, contentType: 'application/pdf' }] } : {}),
  };
}

/** A dog-tax mail of a case: a permanent refusal is recorded as `dog-tax.mail-undeliverable`. */
export const dogTaxCaseMail = (caseNumber: string, key: string, message: MailMessage): CaseMail =>
  ({ key, message, caseType: CASE_TYPE, caseNumber, undeliverableAction: DOG_TAX_ACTIONS.mailUndeliverable });
