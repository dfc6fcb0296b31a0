import { formatDate, formatDateTime, formatMoney } from '../../../format.js';
import { useI18n } from '../../../i18n.js';
import type { CaseLabels } from './case-labels.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isLocalText = (v: unknown): v is { de: string; en: string } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { de?: unknown }).de === 'string' && Object.keys(v).every((k) => k === 'de' || k === 'en');

/** Amounts travel in cents (`amountCents`, `feeCents` …): shown as money. */
const isCents = (key: string, v: unknown) => /Cents$/.test(key) && typeof v === 'number' && Number.isInteger(v);

/** A key no form or workflow text names: readable words rather than the raw key. */
function fallbackLabel(key: string): string {
  const words = key.replace(/Cents$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type Props = { data: Record<string, unknown>; labels?: CaseLabels; path?: string };

/**
 * A task's caseData as a (nested) description list: each field labelled by the form's own title
 * in the page language (see case-labels.ts), each value formatted for people.
 */
export function CaseData({ data, labels = {}, path = '' }: Props) {
  const { t, lang, local } = useI18n();
  const entries = Object.entries(data).filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (entries.length === 0) return <p className="kern-body">{t.inbox.noCaseData}</p>;
  const at = (k: string) => (path ? `${path}.${k}` : k);
  const label = (k: string) => labels[at(k)]?.title ?? labels[k]?.title ?? fallbackLabel(k);
  const value = (k: string, v: unknown) => {
    const options = labels[at(k)]?.options;
    if (options && typeof v === 'string' && options[v]) return options[v];
    if (k === 'status' && typeof v === 'string' && v in t.status) return t.status[v as keyof typeof t.status];
    if (isCents(k, v)) return formatMoney(v as number, lang);
    if (isLocalText(v)) return local(v);
    if (typeof v === 'string' && ISO_INSTANT.test(v)) return formatDateTime(v, lang);
    if (typeof v === 'string' && ISO_DATE.test(v)) return formatDate(`${v}T12:00:00Z`, lang);
    if (typeof v === 'boolean') return v ? t.inbox.yes : t.inbox.no;
    if (Array.isArray(v)) return v.map((x) => (options && options[String(x)]) ?? (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ');
    if (typeof v === 'object' && v !== null) return <CaseData data={v as Record<string, unknown>} labels={labels} path={at(k)} />;
    return String(v);
  };
  return (
    <dl className="case-data">
      {entries.map(([k, v]) => (
        <div key={k} className="case-data__entry">
          <dt className="kern-body kern-body--bold">{label(k)}</dt>
          <dd className="kern-body">{value(k, v)}</dd>
        </div>
      ))}
    </dl>
  );
}
