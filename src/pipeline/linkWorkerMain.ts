/**
 * A link check thread (started by siteLinks.ts through tsWorker.mjs): takes {@link LinkJob}s one message at a time
 * and in order (its share of the pages, then its share of the target pages owed fragments; or, started with no
 * files, the pages of a {@link LinkStream} as they are written, then their settling) and answers each with a
 * WorkerReply.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LinkOptions } from '../lib/links.ts';
import { checkAnchorShare, checkPageShare, LinkDigests, type LinkJob } from './siteLinks.ts';
import type { WorkerReply } from './threads.ts';

const d = workerData as { distDir: string; files?: string[]; options: LinkOptions };
const fileSet = new Set(d.files);
const digests = new LinkDigests(d.distDir, d.options);
const run = async (job: LinkJob): Promise<unknown> => {
  switch (job.kind) {
    case 'pages':
      return checkPageShare(d.distDir, job.files, fileSet, d.options);
    case 'anchors':
      return checkAnchorShare(d.distDir, job.groups);
    case 'digest':
      return digests.add(job.files).then(() => null);
    case 'settle':
      return digests.settle(job.files);
  }
};
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (job: LinkJob) => {
  queue = queue.then(() =>
    run(job).then(
      (result) => parentPort?.postMessage({ result } satisfies WorkerReply<unknown>),
      (e: unknown) =>
        parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies WorkerReply<unknown>),
    ),
  );
});
