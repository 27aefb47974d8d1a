/**
 * Paths of the reference test vectors. They were made with SPORCO 0.2.3.dev0
 * (`sporco.admm.cbpdn.ConvBPDN`, NumPy 1.24, float32) on a 2-core machine, and
 * `reference/README.md` describes how.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Absolute path of the `reference/` folder of this package. */
export const REFERENCE_DIR = fileURLToPath(new URL('../reference/', import.meta.url));

/** Path of a file in `reference/golden64/` (64×64 inputs, 200 and 2000 iterations). */
export function golden64(file: string): string {
  return join(REFERENCE_DIR, 'golden64', file);
}

/** Path of a file in `reference/golden256/` (256×256 inputs, 100 iterations). */
export function golden256(file: string): string {
  return join(REFERENCE_DIR, 'golden256', file);
}

/** Images present in `golden64/`. */
export const GOLDEN64_IMAGES = ['astronaut', 'camera', 'chelsea', 'coffee', 'grass', 'gravel'] as const;

/** Images present in `golden256/`. */
export const GOLDEN256_IMAGES = ['astronaut', 'camera', 'chelsea', 'coffee'] as const;

export { applySchema } from './apply-schema.ts';
export { createRecordingContext, type RecordingContext, type RecordingContextOptions } from './recording-context.ts';
