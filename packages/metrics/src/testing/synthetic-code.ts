import type { DictionaryItem, IterationStats, SparseCodeItem } from '@heterosparse/core';
import { reconstruct } from '@heterosparse/sparse-coding';

/**
 * Creates a 2-atom dictionary of 2×2 kernels: atom 0 is a unit impulse (θ = 0,
 * B_θ = π/36), atom 1 is a 2×2 block of ones (θ = π/2, B_θ = π/18).
 * Kernels are stored `[h, w, K]`.
 */
export function createSyntheticDictionary(name = 'synthetic'): DictionaryItem {
  // Element (a, b, k) sits at (a·2 + b)·2 + k.
  const data = new Float32Array([1, 1, 0, 1, 0, 1, 0, 1]);
  return {
    kind: 'dictionary',
    name,
    height: 2,
    width: 2,
    atoms: 2,
    data,
    atomParams: [
      { index: 0, theta: 0, bTheta: Math.PI / 36 },
      { index: 1, theta: Math.PI / 2, bTheta: Math.PI / 18 },
    ],
  };
}

/**
 * Creates the code of a 4×4 image with the synthetic dictionary. The coefficients are
 * x₀(0,0) = 1, x₀(2,2) = 0.05 and x₁(1,1) = 0.3, so the reconstruction is 1
 * at (0,0), 0.3 at (1,1), (1,2), (2,1) and 0.35 at (2,2). The image equals the
 * reconstruction except at (3,3), where it is 0.1: the data fidelity is
 * ½·0.01 = 0.005 and, with peak 1 − 0 = 1, the PSNR is
 * 10·log10(16 / 0.01) = 32.04119982655925 dB.
 */
export function createSyntheticCode(
  overrides: Partial<Pick<SparseCodeItem, 'imageId' | 'dictionaryName' | 'iterations' | 'converged'>> = {},
): SparseCodeItem {
  const dictionary = createSyntheticDictionary(overrides.dictionaryName);
  const coefficients = new Float32Array(2 * 16);
  coefficients[0 * 16 + 0] = 1;
  coefficients[0 * 16 + 2 * 4 + 2] = 0.05;
  coefficients[1 * 16 + 1 * 4 + 1] = 0.3;
  const reconstruction = reconstruct(dictionary, coefficients, 4, 4);
  const image = reconstruction.slice();
  image[15] = 0.1;
  return {
    kind: 'sparse-code',
    imageId: overrides.imageId ?? 'tiny',
    dictionaryName: dictionary.name,
    image,
    height: 4,
    width: 4,
    atoms: 2,
    coefficients,
    reconstruction,
    lambda: 0.1,
    iterations: overrides.iterations ?? [iterationStats(1, 0.5, 0.4), iterationStats(2, 0.01, 0.02)],
    converged: overrides.converged ?? false,
    seconds: 0.25,
    backend: 'synthetic',
    atomParams: dictionary.atomParams,
  };
}

function iterationStats(iteration: number, primalResidual: number, dualResidual: number): IterationStats {
  return {
    iteration,
    objective: 1,
    dataFidelity: 0.5,
    l1: 5,
    primalResidual,
    dualResidual,
    primalThreshold: 1e-4,
    dualThreshold: 1e-4,
    rho: 1.5,
    time: iteration / 10,
  };
}
