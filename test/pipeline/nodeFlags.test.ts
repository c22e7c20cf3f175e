import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BUILD_NODE_FLAGS } from '../../src/pipeline/nodeFlags.ts';
import { PROJECT_ROOT } from '../../src/pipeline/site.ts';

describe('BUILD_NODE_FLAGS', () => {
  it('npm run build starts the build with the flags the bench measures with', async () => {
    const pkg = JSON.parse(await readFile(`${PROJECT_ROOT}/package.json`, 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.build).toBe(`node ${BUILD_NODE_FLAGS.join(' ')} scripts/build.ts`);
  });
});
