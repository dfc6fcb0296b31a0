/** Activities of the attachment cleanup: uploads no case claimed within a day are deleted. */
import type { AttachmentStore } from '../../store/attachments/attachment-store';

export interface AttachmentActivityDeps { attachments: AttachmentStore }

export function createAttachmentActivities(deps: AttachmentActivityDeps) {
  return {
    async deleteStaleAttachments({ olderThanHours }: { olderThanHours: number }): Promise<{ deleted: number }> {
      return { deleted: await deps.attachments.deleteUnclaimed(new Date(Date.now() - olderThanHours * 3_600_000)) };
    },
  };
}
