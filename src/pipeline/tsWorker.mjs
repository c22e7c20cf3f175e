// Bootstrap of a worker thread written in TypeScript (see threads.ts): registers tsx so the module can be loaded the
// same way under `npm run build` (tsx) and under vitest, then runs the module whose url is the last argument.
import { register } from 'tsx/esm/api';

register();
await import(process.argv[process.argv.length - 1]);
