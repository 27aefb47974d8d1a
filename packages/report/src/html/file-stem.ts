/** Makes a name safe as a file stem: runs of characters other than letters, digits, `-` and `_` become one `-`. */
export function fileStem(name: string): string {
  const stem = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return stem === '' ? 'unnamed' : stem;
}
