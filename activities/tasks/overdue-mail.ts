/** The e-mail to a department lead when an inbox task passed its due date: German, then English. */
import type { MailMessage } from '../../adapters/mail/mailer';
import { bilingualMail } from '../mail/bilingual-mail';
import type { Task } from '../../store/tasks/task-store';
import { DEPARTMENTS, isDepartment } from '../../domain/departments';
import { formatBerlinDateTime } from '../../domain/berlin-time';


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
  return bilingualMail(i.to, `Überfällige Aufgabe / Overdue task: ${task.caseNumber}`, de, en);
}
