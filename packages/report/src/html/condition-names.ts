import type { DictionaryItem } from '@heterosparse/core';

import type { ReportData } from './report-data.ts';

/**
 * Returns the dictionary names the report compares, in a fixed order, so that
 * each condition keeps its colour in every figure whatever order the stages
 * emitted in. Dictionaries come first, by their number of distinct bandwidths
 * B_θ (the homogeneous bank first) and then by name. Names that appear only
 * in metrics follow, by name.
 */
export function conditionNames(data: ReportData): string[] {
  const dictionaries = [...data.dictionaries].sort(
    (a, b) => distinctBandwidths(a) - distinctBandwidths(b) || a.name.localeCompare(b.name),
  );
  const names = dictionaries.map((dictionary) => dictionary.name);
  const others = new Set<string>();
  data.metrics.forEach((item) => others.add(item.dictionaryName));
  for (const name of [...others].sort()) {
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** Number of distinct B_θ values among the atoms; atoms without B_θ count as one more value. */
function distinctBandwidths(dictionary: DictionaryItem): number {
  return new Set(dictionary.atomParams.map((params) => params.bTheta?.toPrecision(9))).size;
}
