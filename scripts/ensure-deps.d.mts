/** Types of scripts/ensure-deps.mjs (plain Node, so that it runs before any dependency is installed). */
export function installReason(dir: string): string | undefined;
export function ensureDeps(options?: { dir?: string; install?: (dir: string) => void; log?: (line: string) => void }): boolean;
