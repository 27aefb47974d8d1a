import type { AtomEngine } from './atom-engine.ts';
import { PARAM, PHASE, type Phase } from './thread-protocol.ts';

/** Runs this thread's share of `phase`, with the parameters in `params`. */
export function runPhase(phase: Phase, engine: AtomEngine, params: Float64Array): void {
  switch (phase) {
    case PHASE.transformKernels:
      engine.transformKernels();
      return;
    case PHASE.transformResiduals:
      engine.transformResiduals(params[PARAM.penaltyFactor]);
      return;
    case PHASE.iterateAtoms:
      engine.iterateAtoms({
        rho: params[PARAM.rho],
        alpha: params[PARAM.alpha],
        lambda: params[PARAM.lambda],
        nonNegative: params[PARAM.nonNegative] !== 0,
        transformNext: params[PARAM.transformNext] !== 0,
      });
      return;
    case PHASE.sumDictionaryProducts:
      engine.sumDictionaryProducts();
      return;
    case PHASE.exportCoefficients:
      engine.exportCoefficients();
      return;
    case PHASE.release:
      return;
  }
}
