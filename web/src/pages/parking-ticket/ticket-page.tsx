import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { api, ApiError, messageOf } from '../../api.js';
import type { CitizenTicketView, PortalAccess, TicketStatus } from '../../api/types.js';
import { Alert } from '../../components/alert.js';
import { ErrorState } from '../../components/error-state.js';
import { Link } from '../../components/link.js';
import { Loading } from '../../components/loading.js';
import { formatLastPayableDay } from '../../format.js';
import { useI18n, usePageTitle } from '../../i18n.js';
import { AccessForm } from './access-form.js';
import { BankTransfer } from './bank-transfer.js';
import { PayOnline } from './pay-online.js';
import { PaymentNotice } from './payment-notice.js';
import { dropToken, loadToken, saveToken } from './portal-session.js';
import { TicketDetails } from './ticket-details.js';
import { HearingSection } from '../fine-proceedings/hearing-section.js';
import { NoticeSection } from '../fine-proceedings/notice-section.js';
import { ObjectionForm } from './objection-form.js';
import { usePaymentReturn } from './use-payment-return.js';
import { deadlinePassed } from './status-now.js';
import { LetterCodeSection } from './letter-code-section.js';
import { WhichCode } from './which-code.js';

type State =
  | { kind: 'need-plate' }
  | { kind: 'link-invalid'; message: string }
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; ticket: CitizenTicketView };

/** `#<ticket number>.<token>` of the link mailed to whoever answered the hearing. */
function answerLinkOf(hash: string): { ticketNumber: string; token: string } | undefined {
  const found = /^#([^.]+)\.(.+)$/.exec(hash);
  return found ? { ticketNumber: decodeURIComponent(found[1]!), token: found[2]! } : undefined;
}

/**
 * /knoellchen/:code – opened from the QR code on the windscreen card (the ticket code: see and
 * pay) or in the hearing letter (the letter's access code: the whole case). /knoellchen/antwort
 * (`answerLink`) – opened from the link mailed to whoever answered the hearing.
 */
export function TicketPage({ code, search, answerLink = false }: { code: string; search: string; answerLink?: boolean }) {
  const { t } = useI18n();
  const [link] = useState(() => (answerLink ? answerLinkOf(window.location.hash) : undefined));
  const [token, setToken] = useState<string | undefined>(() => (link ? undefined : loadToken(code) ?? undefined));
  const [state, setState] = useState<State>(() => (token || link ? { kind: 'loading' } : answerLink ? { kind: 'link-invalid', message: t.codes.answerLinkMissing } : { kind: 'need-plate' }));
  const query = new URLSearchParams(search);
  const checkoutId = query.get('checkout');

  const showTicket = useCallback((ticket: CitizenTicketView) => setState({ kind: 'ready', ticket }), []);
  const cancelled = query.get('cancelled') === '1';
  const payment = usePaymentReturn(token, checkoutId, cancelled, showTicket);

  const load = useCallback(async () => {
    if (!token) return setState({ kind: 'need-plate' });
    setState({ kind: 'loading' });
    try {
      showTicket(await api<CitizenTicketView>('/api/parking-tickets/current', { token }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        // Token expired or revoked: ask for the plate again rather than showing an error.
        dropToken(code);
        setToken(undefined);
        return setState({ kind: 'need-plate' });
      }
      setState({ kind: 'failed', message: messageOf(e) });
    }
  }, [code, token, showTicket]);

  useEffect(() => {
    if (link) {
      // The token is in the fragment (never sent to a server); it goes in a POST body, and out of the address bar.
      window.history.replaceState(window.history.state, '', window.location.pathname);
      void api<PortalAccess>('/api/parking-tickets/answer-link', { method: 'POST', body: link })
        .then((access) => opened(code, access))
        .catch((e: unknown) => setState({ kind: 'link-invalid', message: messageOf(e) }));
      return;
    }
    // Once on arrival (the page is keyed by code). With a checkout to confirm, the confirmation
    // answers with the ticket view itself; after the plate form the access answer does.
    if (!checkoutId || cancelled) void load();
  }, []);

  const titleRef = useRef<HTMLHeadingElement>(null);
  // The letter's code was just accepted: said once, where the unlocked sections begin.
  const [unlocked, setUnlocked] = useState(false);
  function opened(_code: string, access: PortalAccess) {
    saveToken(code, access.portalToken);
    setToken(access.portalToken);
    showTicket(access.ticket);
    // The form that had focus is gone; start reading at the ticket's heading instead of the page top.
    setTimeout(() => titleRef.current?.focus(), 0);
  }

  const title = state.kind === 'ready' ? t.portal.ticketTitle(state.ticket.ticketNumber) : answerLink ? t.codes.answerLinkTitle : t.portal.accessTitle;
  usePageTitle(title);

  return (
    <>
      <h1 ref={titleRef} tabIndex={-1} className="kern-heading-x-large">
        {state.kind === 'ready' ? <NoBreak text={title} part={state.ticket.ticketNumber} /> : title}
      </h1>
      <PaymentNotice state={payment} ticket={state.kind === 'ready' ? state.ticket : undefined} />
      {state.kind === 'need-plate' ? (
        <>
          <p className="kern-body">{t.portal.accessWhy}</p>
          <div className="panel narrow">
            <AccessForm code={answerLink ? undefined : code} onAccess={opened} />
          </div>
          <WhichCode />
        </>
      ) : null}
      {state.kind === 'link-invalid' ? (
        <>
          <Alert type="danger" title={state.message} live="alert" />
          <p className="kern-body">
            <Link href="/knoellchen">{t.codes.toEntry}</Link>
          </p>
        </>
      ) : null}
      {state.kind === 'loading' && payment.phase !== 'confirming' ? <Loading /> : null}
      {state.kind === 'failed' ? <ErrorState message={state.message} onRetry={load} /> : null}
      {state.kind === 'ready' && token ? (
        <TicketBody ticket={state.ticket} code={code} token={token} onStale={load}
          onChanged={(ticket) => showTicket(ticket as unknown as CitizenTicketView)} returned={payment.phase === 'confirmed'}
          onAccess={(access) => {
            saveToken(code, access.portalToken);
            setToken(access.portalToken);
            showTicket(access.ticket);
            setUnlocked(true);
          }} unlocked={unlocked} />
      ) : null}
    </>
  );
}

type BodyProps = {
  ticket: CitizenTicketView; code: string; token: string; onStale: () => void; onChanged: (ticket: CitizenTicketView) => void; returned: boolean;
  onAccess: (access: PortalAccess) => void;
  unlocked: boolean;
};

// The workflow accepts the Verwarnungsgeld until a notice is issued (also while the fine office
// decides), then the notice's total under its own reference, until the notice is final.
const PAYABLE: TicketStatus[] = ['open', 'letter_sent', 'holder_unknown', 'decision_pending', 'fine_notice_sent', 'cost_notice_sent'];
const OBJECTABLE: TicketStatus[] = ['open', 'letter_sent', 'holder_unknown', 'decision_pending'];

// Settled: nothing left to answer, object to or unlock.
const SETTLED: TicketStatus[] = ['paid', 'withdrawn', 'dropped'];

function TicketBody({ ticket, code, token, onStale, onChanged, returned, onAccess, unlocked }: BodyProps) {
  const { t, lang } = useI18n();
  const unlockedRef = useRef<HTMLDivElement>(null);
  // The code form that had focus is gone: focus moves to the confirmation, where the hearing begins.
  useEffect(() => {
    if (unlocked) unlockedRef.current?.focus();
  }, [unlocked]);
  const { status } = ticket;
  const explain = (s: TicketStatus): string | undefined => (t.portal.explain as Partial<Record<TicketStatus, string>>)[s] ?? t.hearing.explain[s];
  // Just back from paying: the notice above the details says how it went; no second offer to pay.
  let next: ReactNode = null;
  if (returned) {
    next = null;
  } else if (PAYABLE.includes(status) && ticket.outstandingCents > 0) {
    // After the deadline the fine can still be paid until a notice is issued: no past date as "payable until".
    const late = deadlinePassed(ticket) && OBJECTABLE.includes(status);
    next = (
      <>
        <Alert type="info" title={late ? t.portal.stillPayable : t.portal.payableUntil(formatLastPayableDay(ticket.paymentDeadline, lang))}>
          <p className="kern-body">{late && status === 'open' ? t.portal.explainLetterDue : explain(status)}</p>
        </Alert>
        <BankTransfer ticket={ticket} />
        <PayOnline token={token} code={code} onAlreadyPaid={onStale} />
      </>
    );
  } else {
    // Nothing left to pay while the booking catches up reads as "paid" too.
    const shown: TicketStatus = PAYABLE.includes(status) ? 'paid' : status;
    next = (
      <Alert type={shown === 'paid' || shown === 'dropped' ? 'success' : 'info'} title={t.status[shown]}>
        <p className="kern-body">{explain(shown)}</p>
      </Alert>
    );
  }
  return (
    <div className="stack-lg">
      <TicketDetails ticket={ticket} />
      <NoticeSection ticket={ticket} token={token} />
      {next}
      {ticket.access === 'case' ? (
        <>
          {unlocked ? (
            <div ref={unlockedRef} tabIndex={-1}>
              <Alert type="success" title={t.codes.unlocked} live="status" />
            </div>
          ) : null}
          {ticket.hearing ? <HearingSection ticket={ticket} token={token} onAnswered={onChanged} /> : null}
          {OBJECTABLE.includes(status) && !ticket.notice ? <ObjectionForm token={token} /> : null}
        </>
      ) : !SETTLED.includes(status) ? (
        // Opened with the card's ticket code: answering, objecting and notices need the letter's code.
        <LetterCodeSection token={token} letter={status === 'open' ? 'not-yet' : status === 'holder_unknown' ? 'none' : 'sent'} onAccess={onAccess} />
      ) : null}
    </div>
  );
}

/** The title with the ticket number kept on one line (a phone would break "VG-2026-" from the rest). */
function NoBreak({ text, part }: { text: string; part: string }) {
  const at = text.indexOf(part);
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <span className="nowrap">{part}</span>
      {text.slice(at + part.length)}
    </>
  );
}
