import { InvalidInputError } from '@heterosparse/core';

/**
 * Validates the `count` argument and the two buffer lengths of a batched
 * transform, and returns the plane count. `inputPlaneLength` and
 * `outputPlaneLength` are the float counts of one plane.
 */
export function checkTransformBuffers(
  operation: string,
  input: Float32Array,
  output: Float32Array,
  count: number | undefined,
  inputPlaneLength: number,
  outputPlaneLength: number,
): number {
  const planes = count ?? 1;
  if (!Number.isInteger(planes) || planes < 0) {
    throw new InvalidInputError(`${operation}: count must be a non-negative integer, got ${String(count)}`);
  }
  if (!(input instanceof Float32Array) || !(output instanceof Float32Array)) {
    throw new InvalidInputError(`${operation}: input and output must be Float32Array instances`);
  }
  if (input.length < planes * inputPlaneLength) {
    throw new InvalidInputError(
      `${operation}: input has ${input.length} floats, expected at least ${planes} × ${inputPlaneLength} = ${planes * inputPlaneLength}`,
    );
  }
  if (output.length < planes * outputPlaneLength) {
    throw new InvalidInputError(
      `${operation}: output has ${output.length} floats, expected at least ${planes} × ${outputPlaneLength} = ${planes * outputPlaneLength}`,
    );
  }
  return planes;
}
