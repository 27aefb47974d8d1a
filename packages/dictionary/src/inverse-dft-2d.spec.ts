import { describe, expect, it } from 'vitest';

import { inverseDftCentred2d } from './inverse-dft-2d.ts';

describe('inverseDftCentred2d', () => {
  it('maps the centre frequency to a constant', () => {
    const real = new Float64Array(16);
    real[2 * 4 + 2] = 16; // zero frequency sits at (N/2, N/2)
    const out = inverseDftCentred2d(real, new Float64Array(16), 4);

    for (const value of out) expect(value).toBeCloseTo(1, 12);
  });

  it('maps one frequency to a cosine', () => {
    // X = 1 at centred index (N/2 + 1, N/2): frequency one cycle per N along rows.
    const n = 6;
    const real = new Float64Array(n * n);
    real[(n / 2 + 1) * n + n / 2] = n * n;
    const out = inverseDftCentred2d(real, new Float64Array(n * n), n);

    for (let m = 0; m < n; m++) {
      for (let col = 0; col < n; col++) expect(out[m * n + col]).toBeCloseTo(Math.cos((2 * Math.PI * m) / n), 12);
    }
  });

  it('takes the real part of imaginary input', () => {
    // X = i at the same frequency gives Re(i e^{iωm}) = −sin(ωm).
    const n = 6;
    const imag = new Float64Array(n * n);
    imag[(n / 2 + 1) * n + n / 2] = n * n;
    const out = inverseDftCentred2d(new Float64Array(n * n), imag, n);

    expect(out[1 * n]).toBeCloseTo(-Math.sin((2 * Math.PI) / n), 12);
  });
});
