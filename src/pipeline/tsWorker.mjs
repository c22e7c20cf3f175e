// Bootstrap of a worker thread written in TypeScript (see threads.ts), then runs the module whose url is the last
// argument. Node strips the types itself (the code uses erasable syntax only: tsconfig's erasableSyntaxOnly); tsx is
// registered only on a Node without that.
if (!process.features.typescript) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(process.argv[process.argv.length - 1]);
