import type { UnorderedRealFft2d } from '@heterosparse/fft';

import { iterateAtoms, sumDictionaryProducts, transformKernels, transformResiduals } from './plane-phases.ts';
import { atomRange, type SharedViews } from './shared-buffers.ts';
import { PARAM, PHASE, type Phase } from './thread-protocol.ts';

/** Runs this thread's share of `phase`, with the parameters in `params`. */
export function runPhase(phase: Phase, views: SharedViews, fft: UnorderedRealFft2d, thread: number, params: Float64Array): void {
  const [start, end] = atomRange(views.shape, thread);
  switch (phase) {
    case PHASE.transformKernels:
      transformKernels(views, fft, start, end);
      return;
    case PHASE.transformResiduals:
      transformResiduals(views, fft, thread, start, end, params[PARAM.penaltyFactor]);
      return;
    case PHASE.iterateAtoms:
      iterateAtoms(views, fft, thread, start, end, {
        rho: params[PARAM.rho],
        alpha: params[PARAM.alpha],
        lambda: params[PARAM.lambda],
        nonNegative: params[PARAM.nonNegative] !== 0,
        transformNext: params[PARAM.transformNext] !== 0,
      });
      return;
    case PHASE.sumDictionaryProducts:
      sumDictionaryProducts(views, fft, thread, start, end);
      return;
    case PHASE.release:
      return;
  }
}
