/** One CSV cell: a string, a number, or undefined for an empty cell. */
export type CsvCell = string | number | undefined;

/**
 * Formats rows as CSV text (RFC 4180): comma separated, CRLF line ends,
 * fields that contain a comma, a double quote, CR or LF wrapped in double
 * quotes with inner quotes doubled. Numbers use JavaScript's shortest
 * round-trip form; ±Infinity and NaN are written `inf`, `-inf` and `nan`,
 * which pandas and NumPy read back as floats.
 */
export function formatCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(formatCell).join(',') + '\r\n').join('');
}

function formatCell(cell: CsvCell): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') {
    if (Number.isNaN(cell)) return 'nan';
    if (cell === Number.POSITIVE_INFINITY) return 'inf';
    if (cell === Number.NEGATIVE_INFINITY) return '-inf';
    return String(cell);
  }
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
