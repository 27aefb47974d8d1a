import type { DictionaryItem } from '@heterosparse/core';

/** Position of one atom in a tiled picture of a dictionary. */
export interface TileCell {
  readonly atom: number;
  readonly row: number;
  readonly column: number;
}

/** A grid of atoms; `groupRows` rows form one visual group (one B_θ and phase) when > 1. */
export interface TileLayout {
  readonly rows: number;
  readonly columns: number;
  /** Number of consecutive rows that belong to one group; groups are separated by a wider gap. */
  readonly groupRows: number;
  readonly cells: readonly TileCell[];
}

/**
 * Places the atoms of `dictionary` on a grid. When every atom has θ, B_θ and a
 * phase, and every orientation has the same number of atoms, orientations run
 * along the columns (wrapped after `maxColumns`) and each (B_θ, phase) pair,
 * ranked within its orientation, gets its own row or group of rows. Otherwise
 * atoms fill a near-square grid in index order.
 */
export function layoutDictionary(dictionary: DictionaryItem, maxColumns: number): TileLayout {
  return layoutByOrientation(dictionary, maxColumns) ?? layoutByIndex(dictionary.atoms);
}

function layoutByIndex(atoms: number): TileLayout {
  const columns = Math.ceil(Math.sqrt(atoms));
  const cells = Array.from({ length: atoms }, (_, atom) => ({ atom, row: Math.floor(atom / columns), column: atom % columns }));
  return { rows: Math.ceil(atoms / columns), columns, groupRows: 1, cells };
}

function layoutByOrientation(dictionary: DictionaryItem, maxColumns: number): TileLayout | undefined {
  const params = dictionary.atomParams;
  if (params.length !== dictionary.atoms || params.some((p) => p.theta === undefined || p.bTheta === undefined || p.phase === undefined)) {
    return undefined;
  }

  // Group the atoms by orientation, each group sorted by (B_θ, phase).
  const byTheta = new Map<number, number[]>();
  params.forEach((p, atom) => {
    const group = byTheta.get(p.theta as number) ?? [];
    group.push(atom);
    byTheta.set(p.theta as number, group);
  });
  const thetas = [...byTheta.keys()].sort((a, b) => a - b);
  const perOrientation = (byTheta.get(thetas[0]) as number[]).length;
  if (thetas.some((theta) => (byTheta.get(theta) as number[]).length !== perOrientation)) {
    return undefined;
  }

  // Wrap long rows of orientations into bands; a (B_θ, phase) group spans `bands` rows.
  const columns = Math.min(thetas.length, maxColumns);
  const bands = Math.ceil(thetas.length / columns);
  const cells: TileCell[] = [];
  thetas.forEach((theta, orientation) => {
    const atoms = (byTheta.get(theta) as number[]).sort(
      (a, b) => (params[a].bTheta as number) - (params[b].bTheta as number) || (params[a].phase as number) - (params[b].phase as number),
    );
    atoms.forEach((atom, rank) => {
      cells.push({ atom, row: rank * bands + Math.floor(orientation / columns), column: orientation % columns });
    });
  });
  return { rows: perOrientation * bands, columns, groupRows: bands, cells };
}
