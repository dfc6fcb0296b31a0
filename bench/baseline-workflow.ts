// The baseline of the benchmark: a workflow that does nothing, i.e. what the Temporal service
// alone costs per start-and-complete round trip on this machine.
export async function noopWorkflow(): Promise<string> {
  return 'done';
}
