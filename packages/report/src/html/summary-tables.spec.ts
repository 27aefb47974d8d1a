import { describe, expect, it } from 'vitest';

import type { SummaryItem } from '@heterosparse/core';

import { renderStatisticsTable, renderTestsTable } from './summary-tables.ts';

const SUMMARY: SummaryItem = {
  kind: 'summary',
  content: {
    summary: {
      homogeneous: { psnr: { count: 2, median: 33.25, q1: 33, q3: 33.5 }, seconds: { count: 2, median: 10 } },
      heterogeneous: { psnr: { count: 2, median: 31, q1: 30.5, q3: 31.5 } },
    },
    tests: [
      { name: 'a sparser than b', statistic: 4, p: 0.0286, n1: 4, n2: 4 },
      { name: 'b higher PSNR than a', statistic: 1, p: 0.97, n1: 4, n2: 4 },
    ],
  },
};

describe('renderStatisticsTable', () => {
  it('puts PSNR and sparseness first', () => {
    const html = renderStatisticsTable(SUMMARY);
    const [main, folded] = html.split('<details>');
    expect(main).toContain('<td>homogeneous</td><td>psnr</td><td class="number">2</td><td class="number">33.25</td>');
    expect(main).not.toContain('seconds');
    expect(folded).toContain('<td>homogeneous</td><td>seconds</td>');
  });

  it('says when the summary is missing', () => {
    expect(renderStatisticsTable(undefined)).toContain('No summary statistics');
  });
});

describe('renderTestsTable', () => {
  it('marks p-values below 0.05', () => {
    const html = renderTestsTable(SUMMARY);
    expect(html).toContain('<th>name</th><th>statistic</th><th>p</th><th>n1</th><th>n2</th>');
    expect(html).toContain('<strong>0.0286</strong> (&lt; 0.05)');
    expect(html).toContain('<td class="number">0.97</td>');
  });

  it('escapes test names', () => {
    const html = renderTestsTable({ kind: 'summary', content: { tests: [{ name: 'x < y', statistic: 0, p: 1 }] } });
    expect(html).toContain('x &lt; y');
  });
});
