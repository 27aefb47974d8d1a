import { map, type OperatorFunction } from 'rxjs';

import type { ImageItem, InputPort, StageContext, StageFunction } from '@heterosparse/core';
import { CancelledError, fromOperator, ofKind } from '@heterosparse/core';

/** The single input port of every image transform: a stream of images. */
export const IMAGES_INPUT: Readonly<Record<string, InputPort>> = {
  images: { kinds: ['image'], description: 'Images to transform, one at a time.' },
};

/**
 * Builds a stage that applies `transform` to each image of its `images` input,
 * in order. It completes when the input completes, errors when the input or
 * the transform errors, and errors with `CancelledError` once the run is cancelled.
 */
export function imageStage(context: StageContext, transform: (image: ImageItem) => ImageItem): StageFunction {
  const operator: OperatorFunction<unknown, ImageItem> = (images$) =>
    images$.pipe(
      ofKind('image', context.stageId),
      map((image) => {
        if (context.signal.aborted) throw new CancelledError(`stage "${context.stageId}" was cancelled`);
        return transform(image);
      }),
    );
  return fromOperator('images', operator);
}
