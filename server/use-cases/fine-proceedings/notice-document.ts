/** The issued Bußgeldbescheid / Kostenbescheid of a ticket, for the citizen's portal page. */
import { fineCases } from '../../../store/fine-proceedings/fine-case';
import { notFound } from '../../http/app-error';
import type { System } from '../../../system/system';
import { getDocument } from '../parking-ticket/list-tickets';

export async function noticeDocument(system: System, ticketNumber: string) {
  const fineCase = await fineCases(system.conn).findById(ticketNumber).lean();
  if (!fineCase?.notice?.documentId) throw notFound({ de: 'Der Bescheid', en: 'The notice' });
  return getDocument(system, fineCase.notice.documentId);
}
