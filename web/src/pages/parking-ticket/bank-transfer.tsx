import type { CitizenTicketView } from '../../api/types.js';
import { CopyButton } from '../../components/copy-button.js';
import { formatIban, formatMoney } from '../../format.js';
import { useI18n } from '../../i18n.js';
import { GiroCode } from './girocode.js';

/** GiroCode plus the same data as text, for people who cannot or do not want to scan. */
export function BankTransfer({ ticket }: { ticket: CitizenTicketView }) {
  const { t, lang } = useI18n();
  const { payment } = ticket;
  // After a partial transfer only the rest is due; the GiroCode carries the same amount.
  const due = ticket.outstandingCents ?? ticket.amountCents;
  const amount = formatMoney(due, lang);
  const rows: { key: string; label: string; value: string; copy?: string }[] = [
    { key: 'beneficiary', label: t.portal.beneficiary, value: payment.beneficiaryName },
    { key: 'iban', label: t.portal.iban, value: formatIban(payment.iban), copy: payment.iban.replace(/\s+/g, '') },
    ...(payment.bic ? [{ key: 'bic', label: t.portal.bic, value: payment.bic }] : []),
    { key: 'amount', label: t.portal.transferAmount, value: amount, copy: (due / 100).toFixed(2).replace('.', lang === 'de' ? ',' : '.') },
    { key: 'reference', label: t.portal.reference, value: payment.reference, copy: payment.reference },
  ];

  return (
    <section aria-labelledby="bank-title" className="panel">
      <h2 id="bank-title" className="kern-heading-medium">
        {t.portal.bankTitle}
      </h2>
      <p className="kern-body">{t.portal.bankIntro}</p>
      <div className="bank">
        <GiroCode svg={payment.epcQrSvg} />
        <dl className="kern-description-list bank__data">
          {rows.map((row) => (
            <div key={row.key} className="kern-description-list-item">
              <dt className="kern-description-list-item__key">{row.label}</dt>
              <dd className="kern-description-list-item__value">
                <span className={row.copy ? 'mono' : undefined}>{row.value}</span>
                {row.copy ? <CopyButton value={row.copy} what={row.label} /> : null}
              </dd>
            </div>
          ))}
        </dl>
      </div>
      <p className="kern-body kern-body--small">{t.portal.referenceHint}</p>
    </section>
  );
}
