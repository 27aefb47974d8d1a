import { formatCsv, type CsvCell } from './format-csv.ts';
import { backendOf, type MergedMetrics } from './merge-metrics.ts';

/** CSV column → value key, in column order. */
const COLUMNS: readonly (readonly [string, string])[] = [
  ['psnr', 'psnr'],
  ['sparseness', 'sparseness'],
  ['nonzeros', 'nonzeros'],
  ['l1', 'l1'],
  ['objective', 'objective'],
  ['data_fidelity', 'dataFidelity'],
  ['primal_residual', 'primalResidual'],
  ['dual_residual', 'dualResidual'],
  ['iterations', 'iterations'],
  ['seconds', 'seconds'],
  ['converged', 'converged'],
];

/**
 * Formats one CSV row per image and dictionary with the columns `image`,
 * `dictionary`, `backend` (the solver backend that ran the code), `psnr`, `sparseness`, `nonzeros`, `l1`, `objective`,
 * `data_fidelity`, `primal_residual`, `dual_residual`, `iterations`,
 * `seconds` and `converged` (1 or 0). Any other value keys follow in
 * alphabetical order, converted to snake_case. Missing values are empty cells.
 */
export function formatResultsCsv(rows: readonly MergedMetrics[]): string {
  const known = new Set(COLUMNS.map(([, key]) => key));
  const extra = [...new Set(rows.flatMap((row) => Object.keys(row.values)))].filter((key) => !known.has(key)).sort();
  const columns = [...COLUMNS, ...extra.map((key) => [toSnakeCase(key), key] as const)];

  const header = ['image', 'dictionary', 'backend', ...columns.map(([column]) => column)];
  const cells = rows.map((row): CsvCell[] => [
    row.imageId,
    row.dictionaryName,
    backendOf(row),
    ...columns.map(([, key]) => row.values[key]),
  ]);
  return formatCsv(header, cells);
}

function toSnakeCase(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
