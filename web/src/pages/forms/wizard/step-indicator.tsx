import type { Ref } from 'react';
import { useI18n } from '../../../i18n.js';

type Props = { titles: string[]; current: number; headingRef: Ref<HTMLHeadingElement> };

/** "Schritt 2 von 4: Hund" as the step's heading, and the list of all steps (current one marked in text, not colour). */
export function StepIndicator({ titles, current, headingRef }: Props) {
  const { t } = useI18n();
  return (
    <div className="step-indicator">
      <h2 ref={headingRef} tabIndex={-1} className="kern-heading-medium">
        {t.wizard.stepOf(current + 1, titles.length, titles[current] ?? '')}
      </h2>
      <ol className="step-list" aria-label={t.wizard.progress}>
        {titles.map((title, i) => (
          <li
            key={i}
            className={`step-list__item${i === current ? ' step-list__item--current' : ''}${i < current ? ' step-list__item--done' : ''}`}
            aria-current={i === current ? 'step' : undefined}
          >
            <span className="step-list__number" aria-hidden="true">
              {i < current ? '✓' : i + 1}
            </span>
            <span className="kern-body kern-body--small">
              {title}
              {i < current ? <span className="sr-only"> ({t.wizard.stepDone})</span> : null}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
