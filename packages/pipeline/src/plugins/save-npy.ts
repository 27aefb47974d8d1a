import { concatMap } from 'rxjs';
import { CancelledError, InvalidInputError, definePlugin, formatNpy, fromOperator, ofKind, type ArrayItem } from '@heterosparse/core';

export interface SaveNpyOptions {
  readonly directory: string;
}

const NAME_PATTERN = /^[A-Za-z0-9._-]+$/;

/**
 * Sink that saves each array as `<directory>/<name>.npy` (float32, C order)
 * in the run directory, then passes the array on. The result key named after
 * the stage records the directory and the number of files.
 */
export const saveNpyPlugin = definePlugin<SaveNpyOptions>({
  id: 'pipeline/save-npy',
  description: 'Saves each array as a NumPy .npy file in the run directory and passes it on.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      directory: {
        type: 'string',
        minLength: 1,
        default: 'arrays',
        description: 'Directory inside the run directory that receives the files.',
      },
    },
  },
  inputs: {
    arrays: { kinds: ['array'], many: true, description: 'Arrays to save; their names become the file stems.' },
  },
  output: 'array',
  create: (options, context) => {
    let saved = 0;
    return fromOperator(
      'arrays',
      (source) =>
        source.pipe(
          ofKind('array', context.stageId),
          concatMap(async (item: ArrayItem) => {
            if (context.signal.aborted) throw new CancelledError();
            if (!NAME_PATTERN.test(item.name)) {
              throw new InvalidInputError(
                `array name "${item.name}" cannot be a file name; names may contain letters, digits, ".", "_" and "-"`,
              );
            }
            await context.writeFile(`${options.directory}/${item.name}.npy`, formatNpy(item));
            saved += 1;
            context.progress({ done: saved, message: item.name });
            context.setResult(context.stageId, { directory: options.directory, files: saved });
            return item;
          }),
        ),
    );
  },
});
