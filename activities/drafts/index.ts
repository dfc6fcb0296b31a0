/**
 * Activities of the draft-expiry workflow: the resume e-mail (sent once per draft) and the
 * deletion (idempotent). German first, English below, like every citizen e-mail.
 */
import { formatBerlinDateTime } from '../../domain/berlin-time';
import type { FormRegistry } from '../../forms/registry/form-registry';
import type { DraftExpiryInput } from '../../workflows/drafts/shared';
import { sendMailOnce, type Mailer } from '../../adapters/mail/mailer';
import { isPermanentMailError, withinMailBudget } from '../mail/send-case-mail';
import type { ReadModel } from '../../store/models';
import { deriveDraftToken, draftResumeUrl } from '../../domain/drafts/draft-link';
import type { DraftStore } from '../../store/drafts/draft-store';

export interface DraftActivityDeps {
  model: ReadModel; mailer: Mailer; publicBaseUrl: string;
  forms: Pick<FormRegistry, 'get'>;
  drafts: DraftStore;
  /** Derives the resume token from the draft ID (draft-link.ts); the API checks with the same secret. */
  draftTokenSecret: Buffer;
}

export function createDraftActivities(deps: DraftActivityDeps) {
  return {
    async sendDraftLink(input: DraftExpiryInput): Promise<void> {
      const form = await deps.forms.get(input.formId, input.formVersion);
      const titleDe = form?.texts.de.title ?? input.formId;
      const titleEn = form?.texts.en.title ?? input.formId;
      const link = draftResumeUrl(deps.publicBaseUrl, input.formId, input.draftId, deriveDraftToken(deps.draftTokenSecret, input.draftId));
      const expires = new Date(input.expiresAt);
      const key = `form-draft-link:${input.draftId}`;
      // An address over its daily budget gets no more links (the API refuses such saves up front;
      // this holds when several arrive at once). The draft's workflow still deletes it at expiry.
      if (!(await withinMailBudget(deps.model, key, input.email))) return;
      // The key is the draft: a retried activity (or a replayed start) sends the link once.
      try {
        await sendMailOnce(deps.model, deps.mailer, key, {
          to: input.email,
          subject: `Ihr gespeicherter Entwurf: ${titleDe} / Your saved draft`,
          text: [
            'Guten Tag,',
            '',
            `Sie haben Ihren Antrag „${titleDe}“ zwischengespeichert. Mit diesem Link setzen Sie ihn fort:`,
            link,
            '',
            `Der Link ist 7 Tage gültig, bis ${formatBerlinDateTime(expires, 'de')}. Danach wird der Entwurf gelöscht, ebenso sobald Sie den Antrag absenden.`,
            'Geben Sie den Link nicht weiter: Wer ihn kennt, kann Ihre Angaben lesen.',
            '',
            'Stadt Hagen',
            '',
            '---',
            '',
            `You saved your application "${titleEn}". Continue it with this link:`,
            link,
            '',
            `The link is valid for 7 days, until ${formatBerlinDateTime(expires, 'en')} (Berlin time). The draft is then deleted, and also as soon as you submit the application.`,
            'Do not share the link: anyone who has it can read your entries.',
            '',
            'City of Hagen',
          ].join('\n'),
        });
      } catch (error) {
        // Refused for good (a mistyped address): nobody can resume the draft, and retrying would
        // never end; its workflow still deletes it at expiry. A relay that is down is retried.
        if (!isPermanentMailError(error)) throw error;
      }
    },

    async deleteDraft({ draftId }: { draftId: string }): Promise<{ deleted: boolean }> {
      return { deleted: await deps.drafts.delete(draftId) };
    },
  };
}
export type DraftActivities = ReturnType<typeof createDraftActivities>;
