/** Focuses the first invalid input, or the first input of a group whose error is about the group. */
export function focusFirstError(root: HTMLElement | null): void {
  const invalid = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (invalid) return invalid.focus();
  const error = root?.querySelector('form .kern-error');
  const group = error?.closest('.rjsf-field') ?? error?.parentElement;
  group?.querySelector<HTMLElement>('input, select, textarea')?.focus();
}
