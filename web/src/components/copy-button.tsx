import { useState } from 'react';
import { useI18n } from '../i18n.js';

/** Copies one payment detail; the outcome is announced in a polite live region next to it. */
export function CopyButton({ value, what }: { value: string; what: string }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setNote(t.portal.copied(what));
    } catch {
      // Clipboard access needs a secure context and permission; the text stays selectable.
      setNote(t.portal.copyFailed);
    }
  }

  return (
    <span className="copy">
      <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={copy}>
        <span className="kern-icon kern-icon--content-copy" aria-hidden="true" />
        <span className="kern-label">{t.portal.copy(what)}</span>
      </button>
      <span className="copy__note kern-body kern-body--small" role="status">
        {note}
      </span>
    </span>
  );
}
