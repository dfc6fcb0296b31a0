/**
 * The city's e-mails: German first, English below (who is written to may not read German), the
 * same words as plain text and HTML. Lines of each language; a blank line ends a paragraph, so a
 * sentence written over several source lines stays one paragraph and the facts (case number,
 * amount, date) stay lines of one.
 */
import type { MailMessage } from '../../adapters/mail/mailer';

const FOOTER = 'Diese E-Mail wurde automatisch erstellt. / This e-mail was generated automatically.';
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const paragraphs = (lines: string[]) =>
  lines.join('\n').split(/\n{2,}/).filter((p) => p.trim()).map((p) => `<p>${p.split('\n').map(escape).join('<br>')}</p>`).join('');

export function bilingualMail(to: string, subject: string, de: string[], en: string[]): Pick<MailMessage, 'to' | 'subject' | 'text' | 'html'> {
  const text = [...de, '', '— English —', '', ...en, '', FOOTER].join('\n');
  const html = `<!doctype html><html lang="de"><body>${paragraphs(de)}<hr><div lang="en">${paragraphs(en)}</div></body></html>`;
  return { to, subject, text, html };
}
