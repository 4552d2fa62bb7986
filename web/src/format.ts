// How numbers, sizes and dates read in the app.
export const count = (n: number | null | undefined) => (n === null || n === undefined ? '–' : n.toLocaleString('en-US'));
export const percent = (share: number | null | undefined, digits = 1) =>
  share === null || share === undefined ? '–' : `${(share * 100).toFixed(digits)} %`;
export const score = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toFixed(1));
export const date = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '–');

export function bytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

const ACRONYMS: Record<string, string> = { ml: 'ML', iqr: 'IQR', sql: 'SQL' };

/** ML_PREPARATION → "ML preparation", IQR_OUTLIERS → "IQR outliers", overview → "Overview". */
export function label(value: string): string {
  const words = value
    .toLowerCase()
    .split('_')
    .map((w) => ACRONYMS[w] ?? w);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
