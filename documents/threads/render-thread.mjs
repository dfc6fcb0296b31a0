// Entry of a render thread. A worker thread does not share the loader of the process that starts
// it (tsx under `npm start`, vitest's in tests), so it loads the TypeScript handler through tsx's
// scoped import, which works under either.
import { tsImport } from 'tsx/esm/api';

const handler = await tsImport('./render-thread.ts', import.meta.url);
export default handler.default;
