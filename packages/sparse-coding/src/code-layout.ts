import { InvalidInputError, type NdArray } from '@heterosparse/core';

function checkLength(name: string, coefficients: Float32Array, atoms: number, height: number, width: number): void {
  if (coefficients.length !== atoms * height * width) {
    throw new InvalidInputError(
      `${name}: coefficients must have shape [${atoms}, ${height}, ${width}] (${atoms * height * width} values), ` +
        `but have ${coefficients.length} values`,
    );
  }
}

/**
 * Reorders coefficient maps from the solver layout `[K, H, W]` to the NumPy
 * layout `[H, W, K]` that SPORCO returns (without its singleton axes).
 */
export function coefficientsToHeightWidthAtoms(coefficients: Float32Array, atoms: number, height: number, width: number): NdArray {
  checkLength('coefficientsToHeightWidthAtoms', coefficients, atoms, height, width);
  const data = new Float32Array(coefficients.length);
  const planeSize = height * width;
  for (let k = 0; k < atoms; k++) {
    for (let i = 0; i < planeSize; i++) data[i * atoms + k] = coefficients[k * planeSize + i];
  }
  return { shape: [height, width, atoms], data };
}

/**
 * Lists the nonzero coefficients of maps `[K, H, W]` as a coordinate (COO)
 * table of shape `[nonzeros, 4]`, one row `(k, row, column, value)` per
 * nonzero in `[K, H, W]` order. The indices are stored as float32, which
 * represents every integer up to 2^24 exactly; larger indices are rejected.
 */
export function coefficientsToCoordinateList(coefficients: Float32Array, atoms: number, height: number, width: number): NdArray {
  checkLength('coefficientsToCoordinateList', coefficients, atoms, height, width);
  const largestExact = 2 ** 24;
  if (atoms > largestExact || height > largestExact || width > largestExact) {
    throw new InvalidInputError(
      `coefficientsToCoordinateList: shape [${atoms}, ${height}, ${width}] has an axis longer than 2^24, ` +
        'whose indices float32 cannot store exactly; save the dense layout instead',
    );
  }
  let nonzeros = 0;
  for (const value of coefficients) if (value !== 0) nonzeros++;

  const data = new Float32Array(nonzeros * 4);
  const planeSize = height * width;
  let row = 0;
  for (let i = 0; i < coefficients.length; i++) {
    const value = coefficients[i];
    if (value === 0) continue;
    const k = Math.floor(i / planeSize);
    const position = i - k * planeSize;
    data[row * 4] = k;
    data[row * 4 + 1] = Math.floor(position / width);
    data[row * 4 + 2] = position % width;
    data[row * 4 + 3] = value;
    row++;
  }
  return { shape: [nonzeros, 4], data };
}
