import { describe, expect, it } from 'vitest';

import { createRandom } from '@heterosparse/core';

import { syntheticCodeMetrics, syntheticDictionary } from '../testing/synthetic-items.ts';
import { conditionNames } from './condition-names.ts';
import { emptyReportData } from './report-data.ts';

describe('conditionNames', () => {
  it('puts the bank with fewer bandwidths first', () => {
    const random = createRandom(5);
    const data = emptyReportData();
    const heterogeneous = syntheticDictionary('heterogeneous', 2, [0.1, 0.2], random);
    const homogeneous = syntheticDictionary('homogeneous', 2, [0.2], random);
    data.dictionaries.push(heterogeneous, homogeneous);
    data.metrics.push(syntheticCodeMetrics('a', { ...homogeneous, name: 'loaded' }, 30, 0.99, true));
    expect(conditionNames(data)).toEqual(['homogeneous', 'heterogeneous', 'loaded']);
  });
});
