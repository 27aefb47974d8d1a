import { describe, expect, it } from 'vitest';

import { formatResultsCsv } from './results-csv.ts';

const HEADER =
  'image,dictionary,backend,psnr,sparseness,nonzeros,l1,objective,data_fidelity,primal_residual,dual_residual,iterations,seconds,converged';

describe('formatResultsCsv', () => {
  it('writes the fixed columns in order', () => {
    const values = {
      converged: 0,
      seconds: 2.5,
      iterations: 100,
      dualResidual: 0.002,
      primalResidual: 0.001,
      dataFidelity: 20.5,
      objective: 90.25,
      l1: 6975,
      nonzeros: 6953,
      sparseness: 0.988,
      psnr: 34.8,
    };
    const text = formatResultsCsv([{ imageId: 'astronaut', dictionaryName: 'homogeneous', values, details: { backend: 'cpu-fast' } }]);
    expect(text).toBe(`${HEADER}\r\nastronaut,homogeneous,cpu-fast,34.8,0.988,6953,6975,90.25,20.5,0.001,0.002,100,2.5,0\r\n`);
  });

  it('appends other values in snake_case', () => {
    const text = formatResultsCsv([
      { imageId: 'a', dictionaryName: 'd', values: { psnr: 30, meanAbs: 1, zeta: 2 }, details: {} },
    ]);
    const [header, row] = text.split('\r\n');
    expect(header).toBe(`${HEADER},mean_abs,zeta`);
    expect(row).toBe('a,d,,30,,,,,,,,,,,1,2');
  });

  it('quotes image names with commas', () => {
    const text = formatResultsCsv([{ imageId: 'a,b', dictionaryName: 'd', values: {}, details: {} }]);
    expect(text.split('\r\n')[1]).toBe('"a,b",d,,,,,,,,,,,,');
  });
});
