// The campaign's classes, in the order they run. Each module exports `meta` { key, title, what }
// and `attack(data, signal)`, which runs on a thread of its own; optionally `prepare(context)`
// before the attack and `after(context, prepared)` after it, on the harness's thread.
import * as readyz from './readyz.mjs';
import * as introspection from './introspection.mjs';
import * as unpaged from './unpaged.mjs';
import * as slowReaders from './slow-readers.mjs';
import * as cacheFlush from './cache-flush.mjs';
import * as probes from './probes.mjs';
import * as maxCost from './max-cost.mjs';
import * as csvFlood from './csv-flood.mjs';
import * as refusedFlood from './refused-flood.mjs';
import * as documentVariants from './document-variants.mjs';
import * as mergeCheck from './merge-check.mjs';

const modules = [
  [readyz, './readyz.mjs'], [introspection, './introspection.mjs'], [unpaged, './unpaged.mjs'],
  [slowReaders, './slow-readers.mjs'], [cacheFlush, './cache-flush.mjs'], [probes, './probes.mjs'],
  [maxCost, './max-cost.mjs'], [csvFlood, './csv-flood.mjs'], [refusedFlood, './refused-flood.mjs'],
  [documentVariants, './document-variants.mjs'], [mergeCheck, './merge-check.mjs'],
];

export const CLASSES = modules.map(([module, path], i) => ({ number: i + 1, ...module, url: new URL(path, import.meta.url) }));
