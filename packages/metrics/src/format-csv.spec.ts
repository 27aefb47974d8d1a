import { describe, expect, it } from 'vitest';

import { formatCsv } from './format-csv.ts';

describe('formatCsv', () => {
  it('writes plain rows with CRLF', () => {
    expect(formatCsv(['a', 'b'], [['x', 1.5]])).toBe('a,b\r\nx,1.5\r\n');
  });

  it('quotes fields as RFC 4180 requires', () => {
    const text = formatCsv(['name'], [['a,b'], ['say "hi"'], ['two\nlines'], ['cr\rhere']]);
    expect(text).toBe('name\r\n"a,b"\r\n"say ""hi"""\r\n"two\nlines"\r\n"cr\rhere"\r\n');
  });

  it('writes special numbers and empty cells', () => {
    const row = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, undefined, 0.1 + 0.2];
    expect(formatCsv(['a', 'b', 'c', 'd', 'e'], [row])).toBe('a,b,c,d,e\r\ninf,-inf,nan,,0.30000000000000004\r\n');
  });

  it('writes only the header without rows', () => {
    expect(formatCsv(['a'], [])).toBe('a\r\n');
  });
});
