import type { DictionaryItem, ImageItem } from '@heterosparse/core';

/** A dictionary of two 3×3 kernels: all ones (atom 0) and a centred impulse (atom 1). */
export function tinyDictionary(name = 'tiny'): DictionaryItem {
  const data = new Float32Array(3 * 3 * 2);
  for (let i = 0; i < 9; i++) data[i * 2] = 1;
  data[4 * 2 + 1] = 1;
  return { kind: 'dictionary', name, height: 3, width: 3, atoms: 2, data, atomParams: [{ index: 0 }, { index: 1 }] };
}

/** An 8×8 grey image with values sin(i) (or a 3-channel one when `channels` is 3). */
export function tinyImage(id: string, channels = 1): ImageItem {
  const data = Float32Array.from({ length: 8 * 8 * channels }, (_, i) => Math.sin(i));
  return { kind: 'image', id, height: 8, width: 8, channels, data, steps: [] };
}
