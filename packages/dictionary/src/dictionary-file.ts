import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

import type { AtomParams, DictionaryItem } from '@heterosparse/core';
import { FileReadError, InvalidInputError, readNpy, writeFileAtomic, writeNpy } from '@heterosparse/core';

/** Content of the JSON file written beside a dictionary's `.npy` file. */
export interface DictionaryParamsFile {
  readonly name: string;
  readonly height: number;
  readonly width: number;
  readonly atoms: number;
  /** One entry per atom, in atom order. */
  readonly atomParams: readonly AtomParams[];
}

const ATOM_FIELDS = ['index', 'theta', 'bTheta', 'phase', 'sf0', 'bSf'] as const;

/** Path of the atom-parameter JSON file beside `npyPath` (`D.npy` → `D.json`). */
export function paramsPathFor(npyPath: string): string {
  return join(dirname(npyPath), `${basename(npyPath, extname(npyPath))}.json`);
}

/**
 * Writes `dictionary` as a float32 `.npy` file of shape `[h, w, K]` at
 * `npyPath`, and its atom parameters as JSON beside it (`paramsPathFor`).
 * Both files are written atomically.
 */
export async function saveDictionary(npyPath: string, dictionary: DictionaryItem): Promise<void> {
  await writeNpy(npyPath, { shape: [dictionary.height, dictionary.width, dictionary.atoms], data: dictionary.data });
  const params: DictionaryParamsFile = {
    name: dictionary.name,
    height: dictionary.height,
    width: dictionary.width,
    atoms: dictionary.atoms,
    atomParams: dictionary.atomParams,
  };
  await writeFileAtomic(paramsPathFor(npyPath), JSON.stringify(params, null, 2) + '\n');
}

/**
 * Reads a dictionary from a `.npy` file of shape `[h, w, K]`. Atom parameters
 * come from `paramsPath` when given, else from the JSON file beside the array
 * when it exists; without one, atoms carry only their index.
 *
 * @param name label of the dictionary; defaults to the file stem
 */
export async function loadDictionary(npyPath: string, options: { name?: string; paramsPath?: string } = {}): Promise<DictionaryItem> {
  const array = await readNpy(npyPath);
  if (array.shape.length !== 3 || array.shape.some((length) => length < 1)) {
    throw new InvalidInputError(
      `${npyPath} has shape [${array.shape.join(', ')}]; a dictionary must be a 3-D array [height, width, atoms] with no empty axis ` +
        '(a NumPy bank of shape [atoms, height, width] needs np.moveaxis(D, 0, -1) first)',
    );
  }
  const [height, width, atoms] = array.shape;
  const paramsPath = options.paramsPath ?? paramsPathFor(npyPath);
  const atomParams = await readAtomParams(paramsPath, atoms, options.paramsPath !== undefined);
  const name = options.name ?? basename(npyPath, extname(npyPath));
  return { kind: 'dictionary', name, height, width, atoms, data: array.data, atomParams };
}

async function readAtomParams(path: string, atoms: number, required: boolean): Promise<AtomParams[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') {
      return Array.from({ length: atoms }, (_, index) => ({ index }));
    }
    throw new FileReadError(path, `cannot read the atom parameters ${path}: ${(error as Error).message}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new FileReadError(path, `${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const list = (parsed as { atomParams?: unknown } | null)?.atomParams;
  if (!Array.isArray(list) || list.length !== atoms) {
    throw new InvalidInputError(
      `${path} must be an object whose "atomParams" lists one entry per atom (${atoms}), ` +
        `found ${Array.isArray(list) ? `${list.length} entries` : JSON.stringify(list)}; fix the file or delete it to load the bank without parameters`,
    );
  }
  return list.map((entry: unknown, index) => parseAtom(entry, index, path));
}

function parseAtom(entry: unknown, index: number, path: string): AtomParams {
  if (entry === null || typeof entry !== 'object') {
    throw new InvalidInputError(`${path}: atomParams[${index}] is ${JSON.stringify(entry)}; expected an object`);
  }
  const record = entry as Record<string, unknown>;
  const atom: Record<string, number> = { index };
  for (const field of ATOM_FIELDS) {
    const value = record[field];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new InvalidInputError(`${path}: atomParams[${index}].${field} is ${JSON.stringify(value)}; expected a finite number`);
    }
    atom[field] = value;
  }
  if (atom.index !== index) {
    throw new InvalidInputError(`${path}: atomParams[${index}].index is ${atom.index}; expected ${index}, the entry's position`);
  }
  return atom as unknown as AtomParams;
}
