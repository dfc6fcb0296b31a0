import type { ReactNode } from 'react';

type Props = {
  type: 'info' | 'success' | 'warning' | 'danger';
  title: string;
  children?: ReactNode;
  /** "alert" interrupts (errors), "status" waits politely (confirmations); omit for static notes. */
  live?: 'alert' | 'status';
};

/** KERN alert; the icon is decorative, the title carries the meaning so colour is never the only cue. */
export function Alert({ type, title, children, live }: Props) {
  return (
    <div className={`kern-alert kern-alert--${type}`} role={live}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${type}`} aria-hidden="true" />
        <span className="kern-title">{title}</span>
      </div>
      {children ? <div className="kern-alert__body">{children}</div> : null}
    </div>
  );
}
