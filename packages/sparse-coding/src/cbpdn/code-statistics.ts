import type { CodeStatistics } from './backend.ts';

/**
 * Computes the final statistics of a code from its reconstruction, in float64:
 * data fidelity ½‖r − s‖², the weighted ℓ1 norm Σ_k w_k ‖y_k‖₁, nonzeros and
 * the objective. `y` holds `weights.length` planes of `image.length` values.
 * Every backend calls this, so their reported numbers are computed the same way.
 */
export function computeCodeStatistics(
  image: Float32Array,
  reconstruction: Float32Array,
  y: Float32Array,
  weights: ArrayLike<number>,
  lambda: number,
): CodeStatistics {
  let squaredError = 0;
  for (let i = 0; i < reconstruction.length; i++) {
    const error = reconstruction[i] - image[i];
    squaredError += error * error;
  }
  let l1 = 0;
  let nonzeros = 0;
  const planeSize = image.length;
  for (let k = 0; k < weights.length; k++) {
    let planeL1 = 0;
    for (let i = k * planeSize; i < (k + 1) * planeSize; i++) {
      const value = y[i];
      if (value !== 0) nonzeros++;
      planeL1 += Math.abs(value);
    }
    l1 += weights[k] * planeL1;
  }
  const dataFidelity = squaredError / 2;
  return { objective: dataFidelity + lambda * l1, dataFidelity, l1, nonzeros };
}
