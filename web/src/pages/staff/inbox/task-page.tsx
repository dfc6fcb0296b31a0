import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '../../../rjsf/validator.js';
import { api, ApiError, messageOf } from '../../../api.js';
import { Alert } from '../../../components/alert.js';
import { ErrorState } from '../../../components/error-state.js';
import { Link } from '../../../components/link.js';
import { Loading } from '../../../components/loading.js';
import { StaffGate } from '../../../components/staff-gate.js';
import { TextField } from '../../../components/text-field.js';
import { formatDateTime } from '../../../format.js';
import { useI18n, usePageTitle } from '../../../i18n.js';
import { useIdempotencyKey } from '../../../idempotency.js';
import { focusFirstError } from '../../../rjsf/focus-error.js';
import { KernForm } from '../../../rjsf/kern-form.js';
import { localizeErrors } from '../../../rjsf/localize-errors.js';
import { toErrorSchema } from '../../../rjsf/server-errors.js';
import { useStaffSession } from '../../../staff-session.js';
import { CaseHistory } from '../case-history/case-history.js';
import { useStaffCase } from '../case-history/use-staff-case.js';
import { CaseData } from './case-data.js';
import { decisionWords, useCaseLabels } from './case-labels.js';
import { TaskBadges } from './task-badges.js';
import { taskApi } from './types.js';
import type { TaskDetail } from '../../../api/types.js';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; task: TaskDetail };
type Notice = { type: 'success' | 'danger' | 'warning'; text: string };

/** /dienst/aufgaben/:taskId – the case data beside the decision form, then the case's documents and history. */
export function TaskPage({ taskId }: { taskId: string }) {
  const { t } = useI18n();
  usePageTitle(t.inbox.taskPageTitle);
  return (
    <StaffGate roles={['caseworker']}>
      <Task taskId={taskId} />
    </StaffGate>
  );
}

function Task({ taskId }: { taskId: string }) {
  const { t, lang, local } = useI18n();
  const session = useStaffSession();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [notice, setNotice] = useState<Notice>();
  const noticeRef = useRef<HTMLDivElement>(null);
  const [caseState, reloadCase] = useStaffCase(state.kind === 'ready' ? state.task.caseNumber : '');
  const labels = useCaseLabels(state.kind === 'ready' ? state.task.type : '', lang);

  const load = useCallback(async () => {
    try {
      setState({ kind: 'ready', task: await api<TaskDetail>(taskApi(taskId)) });
    } catch (e) {
      setState({ kind: 'failed', message: messageOf(e) });
    }
  }, [taskId]);
  useEffect(() => { void load(); }, [load]);
  usePageTitle(state.kind === 'ready' ? local(state.task.title) : t.inbox.taskPageTitle);

  /** After a change or a conflict: say what happened where focus goes, and show the task as it is now. */
  async function report(next: Notice) {
    setNotice(next);
    await load();
    if (state.kind === 'ready') void reloadCase();
    requestAnimationFrame(() => noticeRef.current?.focus());
  }
  async function run(action: 'claim' | 'return' | 'reassign', body?: unknown): Promise<boolean> {
    try {
      await api(taskApi(taskId, action), { method: 'POST', body });
      await report({ type: 'success', text: t.inbox.done[action] });
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) throw e;
      await report({ type: 'danger', text: e instanceof ApiError && e.status === 409 ? `${e.message} ${t.inbox.reloaded}` : messageOf(e) });
      return false;
    }
  }

  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'failed') return (<><h1 className="kern-heading-x-large">{t.inbox.taskPageTitle}</h1><ErrorState message={state.message} onRetry={() => void load()} /></>);
  const { task } = state;
  const mine = task.assignee?.id === session?.id;
  const canDecide = task.status === 'open' && (!task.assignee || mine);

  return (
    <div className="stack-lg">
      <p className="kern-body"><Link href="/dienst/aufgaben">{t.inbox.backToInbox}</Link></p>
      <h1 className="kern-heading-x-large">{local(task.title)}</h1>
      <div ref={noticeRef} tabIndex={-1} role="status" aria-live="polite">
        {notice ? <Alert type={notice.type} title={notice.text} /> : null}
      </div>
      <dl className="task-facts" style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '0.25rem 1rem', margin: 0 }}>
        <dt>{t.inbox.caseNumber}</dt><dd><Link href={`/dienst/vorgaenge/${encodeURIComponent(task.caseNumber)}`}>{task.caseNumber}</Link></dd>
        <dt>{t.inbox.department}</dt><dd>{t.inbox.departmentNames[task.department] ?? task.department}</dd>
        <dt>{t.inbox.dueAt}</dt><dd>{formatDateTime(task.dueAt, lang)} <TaskBadges task={task} /></dd>
        <dt>{t.inbox.status}</dt><dd>{t.inbox.statusNames[task.status]}</dd>
        <dt>{t.inbox.assignee}</dt><dd>{task.assignee ? task.assignee.displayName : t.inbox.unassigned}</dd>
      </dl>
      {task.status === 'open' ? (
        <div className="button-row">
          {!task.assignee ? (
            <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void run('claim')}><span className="kern-label">{t.inbox.claim}</span></button>
          ) : null}
          {mine ? (
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => void run('return')}><span className="kern-label">{t.inbox.return}</span></button>
          ) : null}
        </div>
      ) : null}
      {task.status === 'open' ? <ReassignForm onReassign={(to) => run('reassign', { to })} /> : null}

      <div className="task-columns" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))', gap: '2rem', alignItems: 'start' }}>
        <section aria-labelledby="task-case-data" className="stack">
          <h2 id="task-case-data" className="kern-heading-medium">{t.inbox.caseData}</h2>
          <CaseData data={task.caseData} labels={labels} />
        </section>
        <section aria-labelledby="task-decision" className="stack">
          <h2 id="task-decision" className="kern-heading-medium">{t.inbox.decision}</h2>
          {task.status !== 'open' ? <ClosedTask task={task} /> : canDecide
            ? <DecisionForm task={task} onDecided={() => report({ type: 'success', text: t.inbox.decided })} onConflict={(m) => report({ type: 'danger', text: `${m} ${t.inbox.reloaded}` })} />
            : <p className="kern-body">{t.inbox.claimedByOther(task.assignee?.displayName ?? '')}</p>}
        </section>
      </div>

      <section aria-labelledby="task-case-history" className="stack">
        <h2 id="task-case-history" className="kern-heading-medium">{t.inbox.caseHistory}</h2>
        {caseState.kind === 'failed' ? <Alert type="warning" title={t.inbox.caseHistoryFailed}><p className="kern-body">{caseState.message}</p></Alert>
          : <CaseHistory state={caseState} reload={() => void reloadCase()} headingLevel={3} />}
      </section>
    </div>
  );
}

function ClosedTask({ task }: { task: TaskDetail }) {
  const { t, lang, local } = useI18n();
  if (task.status === 'cancelled') return <p className="kern-body">{t.inbox.cancelledText(task.cancelReason ?? '')}</p>;
  const outcome = String(task.decision?.outcome ?? '');
  return (
    <div className="stack">
      <p className="kern-body">{t.inbox.decidedText(task.decidedBy?.displayName ?? '', task.closedAt ? formatDateTime(task.closedAt, lang) : '')}</p>
      <p className="kern-body"><strong>{task.outcomes[outcome] ? local(task.outcomes[outcome]!.label) : outcome}</strong></p>
      <CaseData data={Object.fromEntries(Object.entries(task.decision ?? {}).filter(([k]) => k !== 'outcome'))} labels={decisionWords(lang)} />
    </div>
  );
}

function ReassignForm({ onReassign }: { onReassign: (to: string) => Promise<boolean> }) {
  const { t } = useI18n();
  const [to, setTo] = useState('');
  const [error, setError] = useState<string>();
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (!to.trim()) return setError(t.inbox.reassignRequired);
    try {
      if (await onReassign(to.trim())) setTo('');
    } catch (e) {
      setError(e instanceof ApiError ? (e.fields[0]?.message ?? e.message) : messageOf(e));
    }
  }
  return (
    <form onSubmit={submit} noValidate className="inbox-reassign stack" aria-labelledby="task-reassign-title" style={{ maxWidth: '28rem' }}>
      <h2 id="task-reassign-title" className="kern-heading-small">{t.inbox.reassignTitle}</h2>
      <TextField id="task-reassign-to" label={t.inbox.reassignTo} autoCapitalize="none" spellCheck={false} value={to} error={error} onChange={(e) => setTo(e.target.value)} />
      <button type="submit" className="kern-btn kern-btn--secondary"><span className="kern-label">{t.inbox.reassign}</span></button>
    </form>
  );
}

function DecisionForm({ task, onDecided, onConflict }: { task: TaskDetail; onDecided: () => Promise<void>; onConflict: (message: string) => Promise<void> }) {
  const { t, lang, local } = useI18n();
  const [data, setData] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<ErrorSchema>();
  const [general, setGeneral] = useState<string>();
  const [sending, setSending] = useState(false);
  // The same decision clicked again (after a lost answer or a 503) is the same request: the
  // server answers it as the first time instead of 409 "task not open".
  const idempotency = useIdempotencyKey();
  const wrapper = useRef<HTMLDivElement>(null);
  const { schema, uiSchema } = useMemo(() => {
    // Outcome labels in the reader's language; the schema's own titles stay as the procedure wrote them.
    const ui = structuredClone(task.decisionUiSchema ?? {}) as UiSchema;
    const outcome = (task.decisionSchema.properties as Record<string, { enum?: string[] }> | undefined)?.outcome;
    if (outcome?.enum) ui.outcome = { ...(ui.outcome as object), 'ui:enumNames': outcome.enum.map((o) => (task.outcomes[o] ? local(task.outcomes[o]!.label) : o)) };
    ui['ui:submitButtonOptions'] = { norender: true };
    // The workflow writes the decision fields' titles in German: the page's language names them.
    const words = decisionWords(lang);
    const localized = structuredClone(task.decisionSchema) as RJSFSchema;
    for (const [key, node] of Object.entries((localized.properties ?? {}) as Record<string, { title?: string }>)) {
      if (words[key]) node.title = words[key]!.title;
    }
    return { schema: localized, uiSchema: ui };
  }, [task, lang]);
  const transformErrors = useMemo(() => localizeErrors(t, schema), [t, schema]);

  async function submit() {
    setSending(true);
    setGeneral(undefined);
    try {
      const body = { decision: data };
      await api(taskApi(task.taskId, 'decision'), { method: 'POST', body, headers: { 'Idempotency-Key': idempotency.keyFor([task.taskId, body]) } });
      await onDecided();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        idempotency.forget();
        return void (await onConflict(e.message));
      }
      if (e instanceof ApiError && e.fields.length > 0) {
        // The API names fields as in its body (decision/reason); the form knows them as reason.
        const mapped = toErrorSchema(e.fields.map((f) => ({ ...f, field: f.field.replace(/^decision\/?/, '') })));
        setErrors(mapped.schema);
        setGeneral([e.message, ...mapped.general].join(' '));
        requestAnimationFrame(() => focusFirstError(wrapper.current));
      } else setGeneral(messageOf(e));
    } finally {
      setSending(false);
    }
  }

  return (
    <div ref={wrapper} className="stack">
      {general ? <Alert type="danger" title={general} live="alert" /> : null}
      <KernForm
        className="stack"
        schema={schema}
        uiSchema={uiSchema}
        validator={validator}
        formData={data}
        onChange={(event) => setData((event.formData ?? {}) as Record<string, unknown>)}
        onSubmit={() => void submit()}
        onError={() => requestAnimationFrame(() => focusFirstError(wrapper.current))}
        transformErrors={transformErrors}
        noHtml5Validate
        showErrorList={false}
        extraErrors={errors}
      >
        <div className="button-row">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={sending}>
            <span className="kern-label">{t.inbox.decide}</span>
          </button>
        </div>
      </KernForm>
      <p className="kern-body kern-body--small" role="status">{sending ? t.inbox.sending : ''}</p>
    </div>
  );
}
