import FFT from 'fft.js';
import { checkTransformBuffers } from '../check-transform-buffers.ts';
import type { RealFft2d } from '../real-fft-2d.ts';
import type { ComplexFft1d } from './complex-fft-1d.ts';

/**
 * A 2-D real FFT computed in float64 from two 1-D complex transforms: a
 * real transform of each row (length `width`), then a complex transform of
 * each of the `halfWidth` columns (length `height`). The inverse runs the
 * columns first, then a complex-to-real transform of each row, as
 * `numpy.fft.irfft2` does, so the imaginary parts of the zero and Nyquist
 * columns are ignored.
 */
export class SeparableRealFft2d implements RealFft2d {
  readonly halfWidth: number;
  private readonly rowSpectra: Float64Array;
  private readonly rowBuffer: Float64Array;
  private readonly columnBuffer: Float64Array;
  private readonly realRow: FFT | undefined;
  private readonly realRowOutput: Float64Array | undefined;

  /**
   * @param rowFft complex transform of length `width`
   * @param columnFft complex transform of length `height`
   * @param useRealRowTransform use fft.js `realTransform` for rows (power-of-two widths ≥ 4)
   */
  constructor(
    readonly height: number,
    readonly width: number,
    readonly backend: string,
    private readonly rowFft: ComplexFft1d,
    private readonly columnFft: ComplexFft1d,
    useRealRowTransform: boolean,
  ) {
    this.halfWidth = Math.floor(width / 2) + 1;
    this.rowSpectra = new Float64Array(2 * height * this.halfWidth);
    this.rowBuffer = new Float64Array(2 * width);
    this.columnBuffer = new Float64Array(2 * height);
    if (useRealRowTransform) {
      this.realRow = new FFT(width);
      this.realRowOutput = new Float64Array(2 * width);
    }
  }

  forward(input: Float32Array, output: Float32Array, count?: number): void {
    const { height, width, halfWidth } = this;
    const planeSize = height * width;
    const spectrumSize = 2 * height * halfWidth;
    const planes = checkTransformBuffers('RealFft2d.forward', input, output, count, planeSize, spectrumSize);
    for (let p = 0; p < planes; p++) {
      for (let r = 0; r < height; r++) this.forwardRow(input, p * planeSize + r * width, r);
      this.forwardColumns(output, p * spectrumSize);
    }
  }

  inverse(input: Float32Array, output: Float32Array, count?: number): void {
    const { height, width, halfWidth } = this;
    const planeSize = height * width;
    const spectrumSize = 2 * height * halfWidth;
    const planes = checkTransformBuffers('RealFft2d.inverse', input, output, count, spectrumSize, planeSize);
    const scale = 1 / planeSize;
    for (let p = 0; p < planes; p++) {
      this.inverseColumns(input, p * spectrumSize);
      for (let r = 0; r < height; r++) this.inverseRow(r, output, p * planeSize + r * width, scale);
    }
  }

  dispose(): void {}

  /** Transforms the real row at `input[offset..]` into row `r` of `rowSpectra`. */
  private forwardRow(input: Float32Array, offset: number, r: number): void {
    const { width, halfWidth, rowSpectra } = this;
    const target = 2 * r * halfWidth;
    if (this.realRow !== undefined && this.realRowOutput !== undefined) {
      const real = this.rowBuffer.subarray(0, width);
      for (let j = 0; j < width; j++) real[j] = input[offset + j];
      this.realRow.realTransform(this.realRowOutput, real);
      for (let i = 0; i < 2 * halfWidth; i++) rowSpectra[target + i] = this.realRowOutput[i];
      return;
    }
    const row = this.rowBuffer;
    for (let j = 0; j < width; j++) {
      row[2 * j] = input[offset + j];
      row[2 * j + 1] = 0;
    }
    this.rowFft.forward(row);
    for (let i = 0; i < 2 * halfWidth; i++) rowSpectra[target + i] = row[i];
  }

  /** Transforms every column of `rowSpectra` and writes the spectrum at `output[offset..]`. */
  private forwardColumns(output: Float32Array, offset: number): void {
    const { height, halfWidth, rowSpectra, columnBuffer } = this;
    for (let c = 0; c < halfWidth; c++) {
      for (let r = 0; r < height; r++) {
        columnBuffer[2 * r] = rowSpectra[2 * (r * halfWidth + c)];
        columnBuffer[2 * r + 1] = rowSpectra[2 * (r * halfWidth + c) + 1];
      }
      this.columnFft.forward(columnBuffer);
      for (let r = 0; r < height; r++) {
        output[offset + 2 * (r * halfWidth + c)] = columnBuffer[2 * r];
        output[offset + 2 * (r * halfWidth + c) + 1] = columnBuffer[2 * r + 1];
      }
    }
  }

  /** Inverse-transforms every column of the spectrum at `input[offset..]` into `rowSpectra`. */
  private inverseColumns(input: Float32Array, offset: number): void {
    const { height, halfWidth, rowSpectra, columnBuffer } = this;
    for (let c = 0; c < halfWidth; c++) {
      for (let r = 0; r < height; r++) {
        columnBuffer[2 * r] = input[offset + 2 * (r * halfWidth + c)];
        columnBuffer[2 * r + 1] = input[offset + 2 * (r * halfWidth + c) + 1];
      }
      this.columnFft.inverse(columnBuffer);
      for (let r = 0; r < height; r++) {
        rowSpectra[2 * (r * halfWidth + c)] = columnBuffer[2 * r];
        rowSpectra[2 * (r * halfWidth + c) + 1] = columnBuffer[2 * r + 1];
      }
    }
  }

  /** Inverse-transforms row `r` of `rowSpectra` into the real row at `output[offset..]`, times `scale`. */
  private inverseRow(r: number, output: Float32Array, offset: number, scale: number): void {
    const { width, halfWidth, rowSpectra } = this;
    const row = this.rowBuffer;
    const source = 2 * r * halfWidth;
    // Rebuild the full Hermitian row: X[width - k] = conj(X[k]).
    for (let k = 0; k < halfWidth; k++) {
      row[2 * k] = rowSpectra[source + 2 * k];
      row[2 * k + 1] = rowSpectra[source + 2 * k + 1];
    }
    for (let k = halfWidth; k < width; k++) {
      row[2 * k] = rowSpectra[source + 2 * (width - k)];
      row[2 * k + 1] = -rowSpectra[source + 2 * (width - k) + 1];
    }
    this.rowFft.inverse(row);
    for (let j = 0; j < width; j++) output[offset + j] = row[2 * j] * scale;
  }
}
