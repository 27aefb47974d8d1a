/** One figure of the report: a file stem, a heading, a caption that explains how to read it, and its SVG. */
export interface ReportFigure {
  /** File stem under `figures/` (`psnr-histogram`). */
  readonly name: string;
  readonly title: string;
  readonly caption: string;
  readonly svg: string;
}
