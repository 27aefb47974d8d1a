/**
 * Real part of the inverse 2-D DFT of an N×N complex spectrum given in centred
 * (fftshift) order, computed directly in O(N³) by two passes of 1-D sums.
 * Direct sums are exact enough and fast enough for kernel-sized arrays
 * (N = 12 takes a few microseconds); use an FFT for image-sized arrays.
 *
 * With the centred frequency index i − N/2 along rows and j − N/2 along columns,
 * `out[m, n] = Re( (1/N²) Σ_i Σ_j X[i, j] · exp(2πi ((i − N/2) m + (j − N/2) n) / N) )`,
 * which equals `real(ifft2(ifftshift(X)))` in NumPy for even N.
 *
 * @param real real parts, shape `[N, N]`, row-major, float64
 * @param imag imaginary parts, same shape
 * @returns spatial array, shape `[N, N]`, row-major
 */
export function inverseDftCentred2d(real: Float64Array, imag: Float64Array, size: number): Float64Array {
  const n = size;
  const half = n / 2;
  const cos = new Float64Array(n * n);
  const sin = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    for (let m = 0; m < n; m++) {
      const angle = (2 * Math.PI * (k - half) * m) / n;
      cos[k * n + m] = Math.cos(angle);
      sin[k * n + m] = Math.sin(angle);
    }
  }

  // Pass 1: inverse transform along columns (index j → n) for every row i.
  const rowReal = new Float64Array(n * n);
  const rowImag = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let col = 0; col < n; col++) {
      let sumReal = 0;
      let sumImag = 0;
      for (let j = 0; j < n; j++) {
        const re = real[i * n + j];
        const im = imag[i * n + j];
        const c = cos[j * n + col];
        const s = sin[j * n + col];
        sumReal += re * c - im * s;
        sumImag += re * s + im * c;
      }
      rowReal[i * n + col] = sumReal;
      rowImag[i * n + col] = sumImag;
    }
  }

  // Pass 2: inverse transform along rows (index i → m), keeping the real part only.
  const out = new Float64Array(n * n);
  const scale = 1 / (n * n);
  for (let m = 0; m < n; m++) {
    for (let col = 0; col < n; col++) {
      let sumReal = 0;
      for (let i = 0; i < n; i++) {
        sumReal += rowReal[i * n + col] * cos[i * n + m] - rowImag[i * n + col] * sin[i * n + m];
      }
      out[m * n + col] = sumReal * scale;
    }
  }
  return out;
}
