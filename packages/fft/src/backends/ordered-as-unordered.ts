import type { RealFft2d } from '../real-fft-2d.ts';
import type { UnorderedRealFft2d } from '../unordered-real-fft-2d.ts';

/**
 * {@link UnorderedRealFft2d} over any {@link RealFft2d}: the spectrum keeps
 * the usual `[height, halfWidth]` order, and the buffers are plain arrays.
 */
export class OrderedAsUnorderedRealFft2d implements UnorderedRealFft2d {
  readonly height: number;
  readonly width: number;
  readonly backend: string;
  readonly frequencies: number;
  readonly complexBlock = 1;
  readonly parsevalWeights: Float64Array;
  private readonly planeBuffer: Float32Array;
  private readonly spectrumBuffer: Float32Array;

  constructor(private readonly fft: RealFft2d) {
    this.height = fft.height;
    this.width = fft.width;
    this.backend = fft.backend;
    this.frequencies = fft.height * fft.halfWidth;
    this.parsevalWeights = new Float64Array(this.frequencies);
    for (let f = 0; f < this.frequencies; f++) {
      const column = f % fft.halfWidth;
      // Column c of the half spectrum also stands for column width − c, except 0 and the Nyquist column.
      const unpaired = column === 0 || (fft.width % 2 === 0 && column === fft.halfWidth - 1);
      this.parsevalWeights[f] = unpaired ? 1 : 2;
    }
    this.planeBuffer = new Float32Array(fft.height * fft.width);
    this.spectrumBuffer = new Float32Array(2 * this.frequencies);
  }

  plane(): Float32Array {
    return this.planeBuffer;
  }

  spectrum(): Float32Array {
    return this.spectrumBuffer;
  }

  forward(): void {
    this.fft.forward(this.planeBuffer, this.spectrumBuffer, 1);
  }

  inverse(scale: number): void {
    this.fft.inverse(this.spectrumBuffer, this.planeBuffer, 1);
    // RealFft2d.inverse already divides by height · width.
    const factor = scale * this.height * this.width;
    if (factor !== 1) for (let i = 0; i < this.planeBuffer.length; i++) this.planeBuffer[i] *= factor;
  }

  dispose(): void {
    this.fft.dispose();
  }
}
