import { concatMap, type Observable } from 'rxjs';
import { CancelledError, definePlugin, formatNpy, fromOperator, ofKind, type SparseCodeItem } from '@heterosparse/core';

import { coefficientsToCoordinateList, coefficientsToHeightWidthAtoms } from '../code-layout.ts';

/** Options of `sparse-coding/save-codes`. */
export interface SaveCodesPluginOptions {
  /** `dense` writes `[H, W, K]` arrays, `sparse` writes `[nonzeros, 4]` coordinate tables with their `.coo.json` metadata, `both` writes both. */
  readonly format: 'dense' | 'sparse' | 'both';
  /** Folder inside the run directory. */
  readonly directory: string;
}

/** File stem of a code: `<image>__<dictionary>`, with characters other than letters, digits, `.`, `_` and `-` replaced by `_`. */
export function codeFileStem(code: Pick<SparseCodeItem, 'imageId' | 'dictionaryName'>): string {
  const clean = (text: string): string => text.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${clean(code.imageId)}__${clean(code.dictionaryName)}`;
}

/** Layout of a `.coo.npy` table, as stored in its `.coo.json` metadata. */
export const COORDINATE_LAYOUT = 'float32 [nonzeros, 4], one row (k, row, column, value) per nonzero coefficient of x[row, column, k]';

/** Content of `<stem>.coo.json`: what a coordinate table alone cannot give, such as the shape when trailing atoms are unused. */
export interface CoordinateTableMetadata {
  readonly image: string;
  readonly dictionary: string;
  /** Shape `[H, W, K]` of the dense coefficient array. */
  readonly shape: readonly [number, number, number];
  readonly layout: string;
  /** λ of the solve. */
  readonly lambda: number;
}

/**
 * Stage that writes each sparse code into the run directory and passes it on
 * unchanged, in input order.
 *
 * Files, for a code of image `coffee` with dictionary `homogeneous`:
 * - `<directory>/coffee__homogeneous.npy`: dense float32 coefficients, shape
 *   `[H, W, K]` (the layout of SPORCO's result, ready for `numpy.load`);
 * - `<directory>/coffee__homogeneous.coo.npy`: float32 coordinate table of
 *   shape `[nonzeros, 4]`, one row `(k, row, column, value)` per nonzero
 *   coefficient; in NumPy, `x = np.zeros((H, W, K), np.float32);
 *   x[t[:, 1].astype(int), t[:, 2].astype(int), t[:, 0].astype(int)] = t[:, 3]`
 *   rebuilds the dense array;
 * - `<directory>/coffee__homogeneous.coo.json`, beside each table: its
 *   `CoordinateTableMetadata` (`image`, `dictionary`, `shape` `[H, W, K]`,
 *   `layout`, `lambda`), because the table alone does not give H, W or K.
 *
 * Completes when its input completes, fails on the first failed write, and
 * stops with `CancelledError` once the run is cancelled.
 */
export const saveCodesPlugin = definePlugin<SaveCodesPluginOptions>({
  id: 'sparse-coding/save-codes',
  description: 'Saves each sparse code as .npy files (dense [H, W, K] and/or a [nonzeros, 4] coordinate table with a .coo.json file giving its shape) and passes it on.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      format: {
        enum: ['dense', 'sparse', 'both'],
        default: 'dense',
        description:
          'dense: <image>__<dictionary>.npy of shape [H, W, K]; sparse: <image>__<dictionary>.coo.npy of shape [nonzeros, 4] with rows (k, row, column, value), and <image>__<dictionary>.coo.json with the shape [H, W, K], layout, lambda, image and dictionary; both: all three files.',
      },
      directory: {
        type: 'string',
        minLength: 1,
        default: 'codes',
        description: 'Folder inside the run directory that receives the files.',
      },
    },
  },
  inputs: {
    codes: { kinds: ['sparse-code'], many: true, description: 'Sparse codes to save.' },
  },
  output: 'sparse-code',
  create: (options, context) => {
    let done = 0;
    return fromOperator('codes', (source: Observable<unknown>) =>
      source.pipe(
        ofKind('sparse-code', context.stageId),
        concatMap(async (code: SparseCodeItem) => {
          if (context.signal.aborted) throw new CancelledError();
          const stem = `${options.directory}/${codeFileStem(code)}`;
          if (options.format !== 'sparse') {
            const dense = coefficientsToHeightWidthAtoms(code.coefficients, code.atoms, code.height, code.width);
            await context.writeFile(`${stem}.npy`, formatNpy(dense));
          }
          if (options.format !== 'dense') {
            const table = coefficientsToCoordinateList(code.coefficients, code.atoms, code.height, code.width);
            await context.writeFile(`${stem}.coo.npy`, formatNpy(table));
            const metadata: CoordinateTableMetadata = {
              image: code.imageId,
              dictionary: code.dictionaryName,
              shape: [code.height, code.width, code.atoms],
              layout: COORDINATE_LAYOUT,
              lambda: code.lambda,
            };
            await context.writeFile(`${stem}.coo.json`, `${JSON.stringify(metadata, null, 2)}\n`);
          }
          done += 1;
          context.progress({ done, message: `${code.imageId} / ${code.dictionaryName}` });
          return code;
        }),
      ),
    );
  },
});
