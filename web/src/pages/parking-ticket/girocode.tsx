import { useI18n } from '../../i18n.js';

/**
 * The EPC QR ("GiroCode") as our server renders it. It is injected as markup because it is an
 * SVG string from our own API, never user input; the guard below still refuses anything that is
 * not a plain SVG so a broken server cannot inject script.
 */
export function GiroCode({ svg }: { svg: string }) {
  const { t } = useI18n();
  const safe = /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(svg) && !/<script|\son\w+=|javascript:/i.test(svg);
  if (!safe) return null;
  return (
    <figure className="girocode">
      <div className="girocode__image" role="img" aria-label={t.portal.giroCodeName} dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption className="kern-body kern-body--small">{t.portal.giroCodeCaption}</figcaption>
    </figure>
  );
}
