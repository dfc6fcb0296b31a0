/** KERN error line under a label; role="alert" so it is announced when it appears. */
export function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p className="kern-error" id={id} role="alert">
      <span className="kern-icon kern-icon--danger" aria-hidden="true" />
      <span className="kern-body">{message}</span>
    </p>
  );
}

/** aria-describedby value made only of ids that are really rendered. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter(Boolean);
  return present.length ? present.join(' ') : undefined;
}
