/** Two activities with one name fail when the worker's activities are built, instead of the last one silently winning. */
import { describe, expect, it } from 'vitest';
import { mergeActivities } from '../../activities/merge-activities';

describe('mergeActivities', () => {
  it('when two groups define the same activity name, then building fails and names it; distinct names merge', () => {
    const a = { async sendReceipt() { return 'a'; } };
    const b = { async sendReceipt() { return 'b'; }, async other() { return 'c'; } };
    expect(() => mergeActivities(a, b)).toThrow(/two activities are named "sendReceipt"/);
    const merged = mergeActivities(a, { async other() { return 'c'; } });
    expect(Object.keys(merged).sort()).toEqual(['other', 'sendReceipt']);
  });
});
