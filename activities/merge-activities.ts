/**
 * The worker's activities from their groups. Two groups defining the same activity name would
 * silently let the last one win (a spread): that fails at start instead, naming the activity.
 */
type Merged<T extends object[]> = T extends [infer Head, ...infer Rest extends object[]] ? Head & Merged<Rest> : unknown;

export function mergeActivities<T extends object[]>(...groups: T): Merged<T> {
  const merged: Record<string, unknown> = {};
  for (const group of groups) {
    for (const [name, fn] of Object.entries(group)) {
      if (name in merged) throw new Error(`two activities are named "${name}": rename one (activity names are global to the worker)`);
      merged[name] = fn;
    }
  }
  return merged as Merged<T>;
}
