import { PFFFT_COMPLEX, PFFFT_REAL, type PffftModule } from '../types/pffft-module.ts';

const FLOAT_BYTES = 4;

/** Addresses, in WebAssembly memory, of the setups and buffers of one 2-D PFFFT plan; 0 means not allocated. */
export interface PffftPlanMemory {
  /** Setup of the real transform of one row (length width). */
  readonly rowSetup: number;
  /** Setup of the complex transform of one column (length height). */
  readonly columnSetup: number;
  /** `height × width` floats: the plane, then its row transforms. */
  readonly rows: number;
  /** `halfWidth × 2·height` floats: the row spectra transposed, one complex column after another. */
  readonly columns: number;
  /** Scratch space PFFFT needs: 2·max(height, width) floats. */
  readonly work: number;
}

/** A plan with nothing allocated, as before `allocatePffftPlanMemory` and after `freePffftPlanMemory`. */
export const NO_PLAN_MEMORY: PffftPlanMemory = { rowSetup: 0, columnSetup: 0, rows: 0, columns: 0, work: 0 };

/**
 * Allocates the setups and buffers of a `height` × `width` plan. When any
 * allocation fails, frees the others and throws an error naming `backend`.
 */
export function allocatePffftPlanMemory(module: PffftModule, height: number, width: number, backend: string): PffftPlanMemory {
  const halfWidth = Math.floor(width / 2) + 1;
  const memory: PffftPlanMemory = {
    rowSetup: module._pffft_new_setup(width, PFFFT_REAL),
    columnSetup: module._pffft_new_setup(height, PFFFT_COMPLEX),
    rows: module._pffft_aligned_malloc(height * width * FLOAT_BYTES),
    columns: module._pffft_aligned_malloc(2 * height * halfWidth * FLOAT_BYTES),
    work: module._pffft_aligned_malloc(2 * Math.max(height, width) * FLOAT_BYTES),
  };
  if (Object.values(memory).includes(0)) {
    freePffftPlanMemory(module, memory);
    throw new Error(`${backend}: could not set up a ${height} × ${width} transform in WebAssembly memory`);
  }
  return memory;
}

/** Frees what `allocatePffftPlanMemory` allocated; addresses that are 0 are skipped. */
export function freePffftPlanMemory(module: PffftModule, memory: PffftPlanMemory): void {
  if (memory.rowSetup !== 0) module._pffft_destroy_setup(memory.rowSetup);
  if (memory.columnSetup !== 0) module._pffft_destroy_setup(memory.columnSetup);
  for (const pointer of [memory.rows, memory.columns, memory.work]) {
    if (pointer !== 0) module._pffft_aligned_free(pointer);
  }
}
