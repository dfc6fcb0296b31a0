/** The e-mail to a department lead when an inbox task passed its due date: German, then English. */
import type { MailMessage } from '../../adapters/mail/mailer';
import type { Task } from '../../store/tasks/task-store';
import { DEPARTMENTS, isDepartment } from '../../domain/departments';
import { formatBerlinDateTime } from '../../domain/berlin-time';

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function overdueMail(i: { to: string; leadName: string; task: Task; url: string }): MailMessage {
  const { task } = i;
  const dept = isDepartment(task.department) ? DEPARTMENTS[task.department] : { de: task.department, en: task.department };
  const due = new Date(task.dueAt);
  const de = [
    `Guten Tag ${i.leadName},`, '',
    `die Aufgabe „${task.title?.de ?? task.type}“ (Vorgang ${task.caseNumber}) in der Warteschlange ${dept.de} ist seit ${formatBerlinDateTime(due, 'de')} überfällig.`,
    task.assigneeName ? `Bearbeitet von: ${task.assigneeName}.` : 'Die Aufgabe ist noch niemandem zugewiesen.',
    `Aufgabe öffnen: ${i.url}`,
  ];
  const en = [
    `Hello ${i.leadName},`, '',
    `the task "${task.title?.en ?? task.type}" (case ${task.caseNumber}) in the ${dept.en} queue has been overdue since ${formatBerlinDateTime(due, 'en')}.`,
    task.assigneeName ? `Claimed by: ${task.assigneeName}.` : 'Nobody has claimed the task yet.',
    `Open the task: ${i.url}`,
  ];
  const text = [...de, '', '— English —', '', ...en, '', 'Diese E-Mail wurde automatisch erstellt. / This e-mail was generated automatically.'].join('\n');
  const html = `<!doctype html><html lang="de"><body>${de.map((l) => `<p>${escape(l)}</p>`).join('')}<hr>` +
    `<div lang="en">${en.map((l) => `<p>${escape(l)}</p>`).join('')}</div></body></html>`;
  return { to: i.to, subject: `Überfällige Aufgabe / Overdue task: ${task.caseNumber}`, text, html };
}
