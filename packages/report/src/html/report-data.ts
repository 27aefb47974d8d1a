import type { DictionaryItem, MetricsItem, SparseCodeItem, SummaryItem } from '@heterosparse/core';

/** An input image and its reconstruction with one dictionary, kept for the reconstruction figure. */
export interface ReconstructionSample {
  readonly imageId: string;
  readonly dictionaryName: string;
  readonly height: number;
  readonly width: number;
  /** The coded image s, shape `[height, width]`. */
  readonly image: Float32Array;
  /** Σ_k d_k * x_k, shape `[height, width]`. */
  readonly reconstruction: Float32Array;
}

/**
 * Everything the report uses, gathered from the stage inputs. Sparse codes
 * are reduced as they arrive: only the first images keep their pixels and
 * every code leaves its backend name, so the report never keeps the
 * coefficient arrays.
 */
export interface ReportData {
  readonly dictionaries: DictionaryItem[];
  readonly samples: ReconstructionSample[];
  /** Backend name per `imageId/dictionaryName`, from the codes. */
  readonly backends: Map<string, string>;
  readonly metrics: MetricsItem[];
  summary: SummaryItem | undefined;
}

/** Creates empty report data. */
export function emptyReportData(): ReportData {
  return { dictionaries: [], samples: [], backends: new Map(), metrics: [], summary: undefined };
}

/** Key of one solve in `ReportData.backends`. */
export function solveKey(imageId: string, dictionaryName: string): string {
  return `${imageId}/${dictionaryName}`;
}

/**
 * Reduces one sparse code into `data`: its backend name always, and the
 * image with its reconstruction when the image is among the first
 * `sampleImages` distinct image ids seen.
 */
export function addSparseCode(data: ReportData, code: SparseCodeItem, sampleImages: number): void {
  data.backends.set(solveKey(code.imageId, code.dictionaryName), code.backend);
  const sampledIds = new Set(data.samples.map((sample) => sample.imageId));
  if (sampledIds.has(code.imageId) || sampledIds.size < sampleImages) {
    // Copies, so that a view into a larger buffer cannot keep the coefficients alive.
    data.samples.push({
      imageId: code.imageId,
      dictionaryName: code.dictionaryName,
      height: code.height,
      width: code.width,
      image: code.image.slice(),
      reconstruction: code.reconstruction.slice(),
    });
  }
}
