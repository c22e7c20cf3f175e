/**
 * Node.js flags of a site build, given where the build's process starts: `npm run build` (package.json) and each run
 * of `npm run bench`, for our build and the bare Astro baseline alike (scripts/bench.ts).
 *
 * `--max-semi-space-size=64`: a young generation of up to 64 MB (V8's default is 16 MB on these machines). A build
 * makes page models, charts and pages of a few hundred KB each and drops them soon after; with a small young
 * generation many of them survive two scavenges and are copied into the old generation, which is then collected
 * in full. Three paired whole-process runs of the 5,038-unit synthetic atlas: wall time 0.94× (0.86 to 0.96×),
 * CPU time 0.94×.
 */
export const BUILD_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
