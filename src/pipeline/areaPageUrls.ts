import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AreaIndexData, AreaLayerData } from '../lib/areas/areaModel.ts';
import { areaPageUrls } from './stages/publishOverlays.ts';

/** Urls (without language prefix) of the area pages the cache says the site has; [] without overlays. For the completeness check. */
export async function readAreaPageUrls(cacheDir: string): Promise<string[]> {
  const dir = join(cacheDir, 'build', 'areas');
  let index: AreaIndexData;
  try {
    index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as AreaIndexData;
  } catch {
    return [];
  }
  const layers = await Promise.all(
    index.layers.map(
      async (l) => JSON.parse(await readFile(join(dir, l.layer.id, 'index.json'), 'utf8')) as AreaLayerData,
    ),
  );
  return areaPageUrls(index, layers);
}
