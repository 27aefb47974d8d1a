import { escapeXml as escapeHtml, formatNumber } from '../svg/svg-document.ts';
import { median } from './metric-samples.ts';
import type { SolveRecord } from './solve-records.ts';

/**
 * Renders the convergence of every solve: a warning when any solve stopped
 * at its iteration limit, a table per dictionary (converged count, median
 * iterations, final residuals and seconds) and, folded, one row per solve.
 */
export function renderConvergenceSection(solves: readonly SolveRecord[], conditions: readonly string[]): string {
  if (solves.length === 0) {
    return '<p class="missing">No solve records: the metrics input has no item with a <code>converged</code> value (connect a metrics/code-metrics stage).</p>';
  }
  const stopped = solves.filter((solve) => !solve.converged);
  const parts: string[] = [];
  if (stopped.length > 0) parts.push(iterationLimitWarning(stopped, solves.length));
  else parts.push(`<p class="ok">All ${solves.length} solves converged: both relative residuals fell below the stopping tolerance.</p>`);

  const header = ['dictionary', 'solves', 'converged', 'median iterations', 'median primal residual', 'median dual residual', 'median seconds', 'backend'];
  const rows = conditions.flatMap((condition) => {
    const group = solves.filter((solve) => solve.dictionaryName === condition);
    if (group.length === 0) return [];
    const cells = [
      escapeHtml(condition),
      String(group.length),
      String(group.filter((solve) => solve.converged).length),
      formatOptional(median(definedValues(group.map((solve) => solve.iterations)))),
      formatOptional(median(definedValues(group.map((solve) => solve.primalResidual)))),
      formatOptional(median(definedValues(group.map((solve) => solve.dualResidual)))),
      formatOptional(median(definedValues(group.map((solve) => solve.seconds)))),
      escapeHtml([...new Set(group.map((solve) => solve.backend ?? 'not recorded'))].join(', ')),
    ];
    return [`<tr>${cells.map((text) => `<td>${text}</td>`).join('')}</tr>`];
  });
  parts.push(tableHtml('convergence', header, rows));

  const solveRows = solves.map((solve) => {
    const cells = [
      escapeHtml(solve.imageId),
      escapeHtml(solve.dictionaryName),
      solve.converged ? 'yes' : '<strong class="warning-text">no: iteration limit</strong>',
      formatOptional(solve.iterations ?? Number.NaN),
      formatOptional(solve.primalResidual ?? Number.NaN),
      formatOptional(solve.dualResidual ?? Number.NaN),
      formatOptional(solve.seconds ?? Number.NaN),
    ];
    return `<tr>${cells.map((text) => `<td>${text}</td>`).join('')}</tr>`;
  });
  parts.push(
    `<details><summary>Every solve (${solves.length})</summary>\n` +
      tableHtml('solves', ['image', 'dictionary', 'converged', 'iterations', 'primal residual', 'dual residual', 'seconds'], solveRows) +
      '\n</details>',
  );
  return parts.join('\n');
}

function iterationLimitWarning(stopped: readonly SolveRecord[], total: number): string {
  const limits = [...new Set(definedValues(stopped.map((solve) => solve.iterations)))].sort((a, b) => a - b);
  const limitText = limits.length === 0 ? 'their iteration limit' : `the iteration limit (${limits.join(', ')} iterations)`;
  return [
    '<div class="warning" role="alert">',
    `<p><strong>Warning: ${stopped.length} of ${total} solves stopped at ${limitText}</strong> before both relative residuals fell below the stopping tolerance.</p>`,
    '<p>At this iteration count ADMM has not reached the optimum of the CBPDN problem. The PSNR and sparseness above describe the iterate where the solver stopped, ' +
      'and the comparison between dictionaries can change near the optimum: in the SPORCO reference runs on 64×64 images, after 2000 iterations the heterogeneous ' +
      'bank reached about 47 dB against 39 dB for the homogeneous bank at the same sparseness, while at 100 iterations on 256×256 images the homogeneous bank had the higher PSNR. ' +
      'Raise the solver’s <code>maxIterations</code> option (in the heterogeneity pipeline: <code>--set code.options.maxIterations=N</code>) to see how the results move.</p>',
    '</div>',
  ].join('\n');
}

function tableHtml(className: string, header: readonly string[], rows: readonly string[]): string {
  return `<table class="${className}"><thead><tr>${header.map((name) => `<th>${escapeHtml(name)}</th>`).join('')}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function definedValues(values: readonly (number | undefined)[]): number[] {
  return values.filter((value): value is number => value !== undefined && Number.isFinite(value));
}

function formatOptional(value: number): string {
  return Number.isFinite(value) ? formatNumber(value, 3) : 'not recorded';
}
