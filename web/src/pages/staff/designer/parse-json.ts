export type Parsed =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; line: number; column: number; message: string };

/**
 * JSON.parse with a line and column for the error. V8 says "… (line 3 column 5)" or "at
 * position 42", Firefox "… at line 3 column 5 of the JSON data"; both are turned into numbers.
 */
export function parseJson(text: string, notObject: string): Parsed {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, line: 1, column: 1, message: notObject };
    return { ok: true, value: value as Record<string, unknown> };
  } catch (e) {
    const message = (e as Error).message;
    const at = /line (\d+) column (\d+)/.exec(message);
    if (at) return { ok: false, line: Number(at[1]), column: Number(at[2]), message: tidy(message) };
    const position = /position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : text.length;
    const before = text.slice(0, offset).split('\n');
    return { ok: false, line: before.length, column: (before.at(-1)?.length ?? 0) + 1, message: tidy(message) };
  }
}

const tidy = (message: string) =>
  message
    .replace(/^JSON\.parse: /, '')
    .replace(/ at line \d+ column \d+ of the JSON data$/, '')
    .replace(/ (in JSON )?at position \d+( \(line \d+ column \d+\))?$/, '');
