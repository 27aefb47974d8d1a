import type { MetricsItem, SummaryItem } from '@heterosparse/core';

import { escapeXml as escapeHtml, formatNumber } from '../svg/svg-document.ts';

/** Statistic columns in display order; other keys found in the summary follow in the order they appear. */
const STATISTIC_ORDER = ['count', 'median', 'q1', 'q3', 'mean', 'std', 'min', 'max'];

/** Significance level used to mark p-values in the tests table. */
const ALPHA = 0.05;

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Formats a table cell: numbers compactly, other scalars as text, objects as JSON. */
function cell(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value, 5);
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Metrics shown in the main statistics table; the others go to a folded table below it. */
const PRIMARY_METRICS = ['psnr', 'sparseness'];

/**
 * Renders `content.summary` (condition → metric → statistics) as a table with
 * a row per condition and metric: PSNR and sparseness first, every other
 * metric in a folded table. Rows follow the order of `conditions`; conditions
 * not listed keep the summary's order, after the listed ones. Returns a paragraph saying the summary is missing
 * when there is none.
 */
export function renderStatisticsTable(summary: SummaryItem | undefined, conditions: readonly string[] = []): string {
  const perCondition = summary?.content.summary;
  if (!isRecord(perCondition) || Object.keys(perCondition).length === 0) {
    return '<p class="missing">No summary statistics: connect a summary stage to the report’s <code>summary</code> input.</p>';
  }
  const rows: StatisticsRow[] = [];
  for (const [condition, metrics] of Object.entries(perCondition)) {
    if (!isRecord(metrics)) continue;
    for (const [metric, statistics] of Object.entries(metrics)) {
      rows.push({ condition, metric, statistics: isRecord(statistics) ? statistics : { value: statistics } });
    }
  }
  const order = (name: string): number => {
    const index = conditions.indexOf(name);
    return index < 0 ? conditions.length : index;
  };
  rows.sort((a, b) => order(a.condition) - order(b.condition));
  const primary = PRIMARY_METRICS.flatMap((metric) => rows.filter((row) => row.metric === metric));
  const others = rows.filter((row) => !PRIMARY_METRICS.includes(row.metric));
  const parts = [statisticsTable(primary)];
  if (others.length > 0) parts.push(`<details><summary>Statistics of the other values</summary>\n${statisticsTable(others)}\n</details>`);
  return parts.join('\n');
}

interface StatisticsRow {
  readonly condition: string;
  readonly metric: string;
  readonly statistics: JsonRecord;
}

function statisticsTable(rows: readonly StatisticsRow[]): string {
  const keys: string[] = [];
  for (const row of rows) for (const key of Object.keys(row.statistics)) if (!keys.includes(key)) keys.push(key);
  const columns = [...STATISTIC_ORDER.filter((key) => keys.includes(key)), ...keys.filter((key) => !STATISTIC_ORDER.includes(key))];
  const header = ['dictionary', 'metric', ...columns].map((name) => `<th>${escapeHtml(name)}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr><td>${escapeHtml(row.condition)}</td><td>${escapeHtml(row.metric)}</td>` +
        columns.map((key) => `<td class="number">${escapeHtml(cell(row.statistics[key]))}</td>`).join('') +
        '</tr>',
    )
    .join('\n');
  return `<table class="summary"><thead><tr>${header}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * Renders `content.tests` (a list of objects with `name`, `statistic` and
 * `p`, and any other fields) as a table; p-values below 0.05 are marked.
 */
export function renderTestsTable(summary: SummaryItem | undefined): string {
  const tests = summary?.content.tests;
  if (!Array.isArray(tests) || tests.length === 0) {
    return '<p class="missing">No statistical tests in the summary.</p>';
  }
  const records = tests.filter(isRecord);
  const keys = ['name', 'statistic', 'p'];
  for (const record of records) for (const key of Object.keys(record)) if (!keys.includes(key)) keys.push(key);
  const header = keys.map((key) => `<th>${escapeHtml(key)}</th>`).join('');
  const body = records
    .map((record) => {
      const p = record.p;
      const significant = typeof p === 'number' && p < ALPHA;
      return (
        `<tr${significant ? ' class="significant"' : ''}>` +
        keys
          .map((key) => {
            const text = escapeHtml(cell(record[key]));
            return key === 'p' && significant ? `<td class="number"><strong>${text}</strong> (&lt; ${ALPHA})</td>` : `<td${typeof record[key] === 'number' ? ' class="number"' : ''}>${text}</td>`;
          })
          .join('') +
        '</tr>'
      );
    })
    .join('\n');
  return `<table class="tests"><thead><tr>${header}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Renders every metrics item's values as one row per image and dictionary, columns in first-seen order. */
export function renderPerImageTable(metrics: readonly MetricsItem[], conditions: readonly string[]): string {
  if (metrics.length === 0) return '<p class="missing">No per-image metrics.</p>';
  const keys: string[] = [];
  for (const item of metrics) for (const key of Object.keys(item.values)) if (!keys.includes(key)) keys.push(key);
  const order = (name: string): number => {
    const index = conditions.indexOf(name);
    return index < 0 ? conditions.length : index;
  };
  const sorted = [...metrics].sort((a, b) => a.imageId.localeCompare(b.imageId) || order(a.dictionaryName) - order(b.dictionaryName));
  const header = ['image', 'dictionary', ...keys].map((key) => `<th>${escapeHtml(key)}</th>`).join('');
  const body = sorted
    .map(
      (item) =>
        `<tr><td>${escapeHtml(item.imageId)}</td><td>${escapeHtml(item.dictionaryName)}</td>` +
        keys.map((key) => `<td class="number">${escapeHtml(cell(item.values[key]))}</td>`).join('') +
        '</tr>',
    )
    .join('\n');
  return `<table class="per-image"><thead><tr>${header}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}
