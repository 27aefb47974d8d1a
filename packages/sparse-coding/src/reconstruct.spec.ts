import { InvalidInputError, type DictionaryItem } from '@heterosparse/core';
import { describe, expect, it } from 'vitest';

import { reconstruct } from './reconstruct.ts';

/** Two 2×3 kernels, stored [row, column, atom]. */
function tinyDictionary(): DictionaryItem {
  const kernels = [
    [
      [1, 2, 0],
      [0, -1, 3],
    ],
    [
      [0.5, 0, 0],
      [0, 0, -2],
    ],
  ];
  const data = new Float32Array(2 * 3 * 2);
  for (let k = 0; k < 2; k++) {
    for (let a = 0; a < 2; a++) for (let b = 0; b < 3; b++) data[(a * 3 + b) * 2 + k] = kernels[k][a][b];
  }
  return { kind: 'dictionary', name: 'tiny', height: 2, width: 3, atoms: 2, data, atomParams: [{ index: 0 }, { index: 1 }] };
}

describe('reconstruct', () => {
  it('matches a circular convolution computed with numpy FFTs', () => {
    const coefficients = new Float32Array(2 * 4 * 5);
    coefficients[0 * 20 + 0 * 5 + 0] = 1;
    coefficients[0 * 20 + 3 * 5 + 4] = 2; // wraps around both edges
    coefficients[1 * 20 + 2 * 5 + 1] = -1;
    coefficients[1 * 20 + 1 * 5 + 3] = 0.5;

    const result = reconstruct(tinyDictionary(), coefficients, 4, 5);

    // Expected values: numpy.real(ifft2(sum(fft2(padded kernels) * fft2(coefficients), axis=0)))
    // with the kernels zero-padded at the top-left corner to 4×5.
    const expected = [
      [-1, 8, 0, 0, 0],
      [0, -1, 3, 0.25, 0],
      [-1, -0.5, 0, 0, 0],
      [4, 0, 0, 2, 2],
    ].flat();
    expect(Array.from(result)).toEqual(expected);
  });

  it('rejects coefficients of the wrong length', () => {
    expect(() => reconstruct(tinyDictionary(), new Float32Array(39), 4, 5)).toThrow(InvalidInputError);
    expect(() => reconstruct(tinyDictionary(), new Float32Array(39), 4, 5)).toThrow(/shape \[2, 4, 5\]/);
  });

  it('rejects kernels larger than the image', () => {
    expect(() => reconstruct(tinyDictionary(), new Float32Array(2 * 1 * 5), 1, 5)).toThrow(/larger than the 1×5 image/);
  });
});
