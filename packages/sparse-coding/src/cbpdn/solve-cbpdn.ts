import type { DictionaryItem } from '@heterosparse/core';

import type { CbpdnBackendRegistry, CbpdnSolution, SolveControl } from './backend.ts';
import { cbpdnBackends } from './default-backends.ts';
import { resolveCbpdnOptions, type CbpdnOptionsInput } from './options.ts';
import { validateCbpdnProblem, type CbpdnImage } from './validate-problem.ts';

/** Backend choice, cancellation and logging of one `solveCbpdn` call. */
export interface SolveCbpdnSettings extends SolveControl {
  /** A backend id or `auto` (default), the available backend with the highest priority. */
  readonly backend?: string;
  /** Registry to select the backend from; default `cbpdnBackends`. */
  readonly registry?: CbpdnBackendRegistry;
}

/**
 * Solves convolutional basis pursuit denoising for one grey image,
 *
 *   min_x ½‖Σ_k d_k * x_k − s‖² + λ Σ_k w_k ‖x_k‖₁,
 *
 * by ADMM as SPORCO's ConvBPDN does (zero-padded kernels at the top-left
 * corner, periodic boundaries). Validates the options and the inputs, then
 * dispatches to the selected backend.
 *
 * @param image the image s, `data` of shape `[height, width]`
 * @param dictionary kernels d_k, shape `[h, w, K]` with h ≤ height and w ≤ width
 * @param options solver options; missing keys take `CBPDN_DEFAULTS`
 * @returns coefficients `[K, height, width]`, reconstruction `[height, width]` and statistics
 * @throws InvalidInputError for an unknown or invalid option, mismatched shapes, kernels larger
 *   than the image, NaN or infinite inputs, or an unknown or unavailable backend
 * @throws NumericalError when an iterate stops being finite (the message names the iteration)
 * @throws CancelledError when `settings.signal` is aborted
 *
 * @example
 * const solution = await solveCbpdn({ data, height: 64, width: 64 }, dictionary, { lambda: 0.01, maxIterations: 200 });
 * solution.final.objective; // ½‖Dy − s‖² + λ‖y‖₁ at the returned coefficients
 */
export async function solveCbpdn(
  image: CbpdnImage,
  dictionary: DictionaryItem,
  options: CbpdnOptionsInput = {},
  settings: SolveCbpdnSettings = {},
): Promise<CbpdnSolution> {
  const resolved = resolveCbpdnOptions(options);
  const problem = validateCbpdnProblem(image, dictionary, resolved);
  const backend = await (settings.registry ?? cbpdnBackends).select(settings.backend ?? 'auto');
  return backend.solve(problem, resolved, { signal: settings.signal, logger: settings.logger });
}
