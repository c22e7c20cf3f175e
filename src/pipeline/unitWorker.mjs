// Bootstrap of a unit worker thread (see unitWorkers.ts): registers tsx so the TypeScript worker can be loaded the
// same way under `npm run build` (tsx) and under vitest, then runs it.
import { register } from 'tsx/esm/api';

register();
await import('./unitWorkerMain.ts');
