/**
 * A link check thread (started by siteLinks.ts through tsWorker.mjs): takes {@link LinkJob}s one message at a time
 * (its share of the pages, then its share of the target pages owed fragments) and answers each with a WorkerReply.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LinkOptions } from '../lib/links.ts';
import { checkAnchorShare, checkPageShare, type LinkJob } from './siteLinks.ts';
import type { WorkerReply } from './threads.ts';

const d = workerData as { distDir: string; files: string[]; options: LinkOptions };
const fileSet = new Set(d.files);
parentPort?.on('message', (job: LinkJob) => {
  const work =
    job.kind === 'pages'
      ? checkPageShare(d.distDir, job.files, fileSet, d.options)
      : checkAnchorShare(d.distDir, job.groups);
  work.then(
    (result) => parentPort?.postMessage({ result } satisfies WorkerReply<unknown>),
    (e: unknown) =>
      parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies WorkerReply<unknown>),
  );
});
