/** MongoDB's (and FerretDB's) answer to an insert against a unique index that already holds the key. */
export const isDuplicateKey = (error: unknown): boolean => (error as { code?: number } | null)?.code === 11000;
