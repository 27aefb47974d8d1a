import { describe, expect, it } from 'vitest';

import { syntheticResilience } from '../testing/synthetic-items.ts';
import { resilienceCurve, resilienceFigures } from './resilience-figures.ts';

describe('resilienceCurve', () => {
  it('takes the median over images at each cut-off', () => {
    const metrics = [syntheticResilience('a', 'bank', 30, 0.99), syntheticResilience('b', 'bank', 34, 0.99), syntheticResilience('c', 'other', 0, 0)];
    const curve = resilienceCurve(metrics, 'bank');
    expect(curve?.images).toBe(2);
    expect(curve?.cutoffs).toEqual([0.001, 0.1, 0.2, 0.3, 0.5]);
    // synthetic PSNR is psnr − 20·cut-off, so the median of 30 and 34 is 32 − 20·cut-off.
    expect(curve?.psnr[4]).toBeCloseTo(22, 12);
  });

  it('returns undefined without curves', () => {
    expect(resilienceCurve([], 'bank')).toBeUndefined();
    expect(resilienceFigures([], ['bank'])).toEqual([]);
  });
});
