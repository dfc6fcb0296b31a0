import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, messageOf } from '../../../api.js';
import { Alert } from '../../../components/alert.js';
import { ErrorState } from '../../../components/error-state.js';
import { Link } from '../../../components/link.js';
import { Loading } from '../../../components/loading.js';
import { StaffGate } from '../../../components/staff-gate.js';
import { formatDateTime } from '../../../format.js';
import { useI18n, usePageTitle } from '../../../i18n.js';
import { navigate } from '../../../router.js';
import { useStaffSession } from '../../../staff-session.js';
import { TaskBadges } from './task-badges.js';
import { PROCEDURES, taskApi, taskPath } from './types.js';
import type { TaskListItem, TaskPage } from '../../../api/types.js';

const PAGE_SIZE = 25;
const FILTERS = ['procedure', 'status', 'overdue', 'dueFrom', 'dueTo', 'sort'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

/** /dienst/aufgaben – one's own tasks and the department queues, filtered, sorted and paged. */
export function InboxPage({ search }: { search: string }) {
  const { t } = useI18n();
  usePageTitle(t.inbox.pageTitle);
  return (
    <>
      <h1 className="kern-heading-x-large">{t.inbox.pageTitle}</h1>
      <p className="kern-body">{t.inbox.intro}</p>
      <StaffGate roles={['caseworker']}>
        <Inbox search={search} />
      </StaffGate>
    </>
  );
}

function Inbox({ search }: { search: string }) {
  const { t } = useI18n();
  const session = useStaffSession();
  const params = new URLSearchParams(search);
  const queue = params.get('queue') === 'department' ? 'department' : 'mine';
  const department = params.get('department') ?? session?.departments[0] ?? '';
  const filters: Filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? '']).filter(([, v]) => v));
  const queues = [{ key: 'mine', label: t.inbox.mine, href: '/dienst/aufgaben' }, ...(session?.departments ?? []).map((d) => ({
    key: `department:${d}`, label: t.inbox.departmentQueue(t.inbox.departmentNames[d] ?? d), href: `/dienst/aufgaben?queue=department&department=${encodeURIComponent(d)}`,
  }))];
  const current = queue === 'mine' ? 'mine' : `department:${department}`;
  const currentLabel = queues.find((q) => q.key === current)?.label ?? t.inbox.mine;

  return (
    <div className="stack-lg">
      <nav aria-label={t.inbox.queuesLabel}>
        <ul className="inbox-tabs" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', listStyle: 'none', padding: 0, margin: 0 }}>
          {queues.map((q) => (
            <li key={q.key}>
              <Link href={q.href} className={`kern-btn ${q.key === current ? 'kern-btn--primary' : 'kern-btn--secondary'}`} aria-current={q.key === current ? 'page' : undefined}>
                <span className="kern-label">{q.label}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <QueueView key={search} queue={queue} department={department} filters={filters} title={currentLabel} />
    </div>
  );
}

function FilterForm({ filters, queue, department }: { filters: Filters; queue: string; department: string }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Filters>(filters);
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams(queue === 'department' ? { queue, department } : {});
    for (const [k, v] of Object.entries(draft)) if (v) next.set(k, v);
    navigate(`/dienst/aufgaben${next.toString() ? `?${next}` : ''}`);
  }
  const select = (key: keyof Filters, label: string, options: Array<[string, string]>) => (
    <div className="kern-form-input">
      <label className="kern-label" htmlFor={`inbox-${key}`}>{label}</label>
      <div className="kern-form-input__select-wrapper">
        <select id={`inbox-${key}`} className="kern-form-input__select" value={draft[key] ?? ''} onChange={set(key)}>
          {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
        </select>
      </div>
    </div>
  );
  const date = (key: 'dueFrom' | 'dueTo', label: string) => (
    <div className="kern-form-input">
      <label className="kern-label" htmlFor={`inbox-${key}`}>{label}</label>
      <input id={`inbox-${key}`} type="date" className="kern-form-input__input" value={draft[key] ?? ''} onChange={set(key)} />
    </div>
  );
  return (
    <form onSubmit={apply} className="inbox-filters" aria-label={t.inbox.filtersLabel} style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem', alignItems: 'flex-end' }}>
      {select('procedure', t.inbox.procedure, [['', t.inbox.all], ...PROCEDURES.map((p): [string, string] => [p, t.inbox.procedureNames[p] ?? p])])}
      {select('status', t.inbox.status, [['', t.inbox.statusNames.open], ['closed', t.inbox.statusNames.closed]])}
      {select('overdue', t.inbox.overdueFilter, [['', t.inbox.all], ['true', t.inbox.overdueOnly], ['false', t.inbox.notOverdue]])}
      {date('dueFrom', t.inbox.dueFrom)}
      {date('dueTo', t.inbox.dueTo)}
      {select('sort', t.inbox.sort, [['', t.inbox.sortDueFirst], ['-dueAt', t.inbox.sortDueLast]])}
      <div className="inbox-filters__actions">
        <button type="submit" className="kern-btn kern-btn--secondary"><span className="kern-label">{t.inbox.applyFilters}</span></button>
      </div>
    </form>
  );
}

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; page: TaskPage };

function QueueView({ queue, department, filters, title }: { queue: string; department: string; filters: Filters; title: string }) {
  const { t, lang, local } = useI18n();
  const session = useStaffSession();
  const [state, setState] = useState<State>({ kind: 'loading' });
  // Cursors of the pages before the current one: "previous" goes back without the server keeping state.
  const [cursors, setCursors] = useState<string[]>([]);
  const [notice, setNotice] = useState<{ type: 'success' | 'danger'; text: string }>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const cursor = cursors[cursors.length - 1];

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    const query = new URLSearchParams({ queue, limit: String(PAGE_SIZE), ...(queue === 'department' ? { department } : {}), ...filters, ...(cursor ? { cursor } : {}) });
    try {
      setState({ kind: 'ready', page: await api<TaskPage>(`/api/tasks?${query}`) });
    } catch (e) {
      setState({ kind: 'failed', message: messageOf(e) });
    }
  }, [queue, department, JSON.stringify(filters), cursor]);
  useEffect(() => { void load(); }, [load]);

  async function act(task: TaskListItem, action: 'claim' | 'return') {
    setNotice(undefined);
    try {
      await api(taskApi(task.taskId, action), { method: 'POST' });
      setNotice({ type: 'success', text: action === 'claim' ? t.inbox.claimed(local(task.title)) : t.inbox.returned(local(task.title)) });
    } catch (e) {
      // A conflict means the list is stale: say so and show the current state.
      setNotice({ type: 'danger', text: e instanceof ApiError && e.status === 409 ? `${e.message} ${t.inbox.reloaded}` : messageOf(e) });
    }
    await load();
  }

  function turn(to: 'next' | 'previous') {
    if (state.kind !== 'ready') return;
    setCursors((c) => (to === 'next' && state.page.nextCursor ? [...c, state.page.nextCursor] : c.slice(0, -1)));
    headingRef.current?.focus();
  }

  const pageNo = cursors.length + 1;
  return (
    <section aria-labelledby="inbox-queue-title" className="stack">
      <h2 id="inbox-queue-title" ref={headingRef} tabIndex={-1} className="kern-heading-medium">{title}</h2>
      <FilterForm filters={filters} queue={queue} department={department} />
      <div role="status" aria-live="polite">
        {notice ? <Alert type={notice.type} title={notice.text} /> : null}
      </div>
      {state.kind === 'loading' ? <Loading /> : null}
      {state.kind === 'failed' ? <ErrorState message={state.message} onRetry={() => void load()} /> : null}
      {state.kind === 'ready' ? (
        <>
          <p className="kern-body" aria-live="polite">{t.inbox.summary(state.page.total, pageNo)}</p>
          {state.page.items.length === 0 ? <p className="kern-body">{t.inbox.empty}</p> : (
            <div className="kern-table-responsive" tabIndex={0} role="region" aria-labelledby="inbox-queue-title">
              <table className="kern-table kern-table--small">
                <caption className="sr-only">{t.inbox.caption(title, pageNo)}</caption>
                <thead>
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">{t.inbox.task}</th>
                    <th scope="col" className="kern-table__header">{t.inbox.caseNumber}</th>
                    <th scope="col" className="kern-table__header">{t.inbox.procedure}</th>
                    <th scope="col" className="kern-table__header">{t.inbox.dueAt}</th>
                    <th scope="col" className="kern-table__header">{t.inbox.assignee}</th>
                    <th scope="col" className="kern-table__header kern-table__header--action">{t.inbox.actions}</th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {state.page.items.map((task) => (
                    <tr key={task.taskId} className="kern-table__row">
                      <th scope="row" className="kern-table__header">
                        <Link href={taskPath(task.taskId)}>{local(task.title)}</Link>
                      </th>
                      <td className="kern-table__cell nowrap">{task.caseNumber}</td>
                      <td className="kern-table__cell">{t.inbox.procedureNames[task.procedure] ?? task.procedure}</td>
                      <td className="kern-table__cell">
                        {formatDateTime(task.dueAt, lang)} <TaskBadges task={task} />
                      </td>
                      <td className="kern-table__cell">{task.assignee ? task.assignee.displayName : t.inbox.unassigned}</td>
                      <td className="kern-table__cell kern-table__cell--action">
                        {task.status === 'open' && !task.assignee ? (
                          <button type="button" className="kern-btn kern-btn--secondary kern-btn--x-small" onClick={() => void act(task, 'claim')}>
                            <span className="kern-label">{t.inbox.claim}<span className="sr-only">: {local(task.title)}</span></span>
                          </button>
                        ) : null}
                        {task.status === 'open' && task.assignee?.id === session?.id ? (
                          <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={() => void act(task, 'return')}>
                            <span className="kern-label">{t.inbox.return}<span className="sr-only">: {local(task.title)}</span></span>
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label={t.inbox.pagingLabel} className="button-row">
            {cursors.length > 0 ? (
              <button type="button" className="kern-btn kern-btn--secondary" onClick={() => turn('previous')}>
                <span className="kern-label">{t.inbox.previousPage}</span>
              </button>
            ) : null}
            {state.page.nextCursor ? (
              <button type="button" className="kern-btn kern-btn--secondary" onClick={() => turn('next')}>
                <span className="kern-label">{t.inbox.nextPage}</span>
              </button>
            ) : null}
          </nav>
        </>
      ) : null}
    </section>
  );
}
