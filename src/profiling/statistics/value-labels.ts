/** Human-readable labels for the numeric positions used in quantiles, bins and bounds. */
import type { ValueType } from '../distribution-schema.js';

export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

/** Temporal positions are epoch seconds (time: seconds since midnight). */
export function positionLabel(valueType: ValueType, position: number): string {
  if (valueType === 'date' || valueType === 'datetime' || valueType === 'time') {
    const date = new Date(Math.round(position * 1000));
    if (Number.isNaN(date.getTime())) return formatNumber(position);
    const iso = date.toISOString();
    if (valueType === 'date') return iso.slice(0, 10);
    if (valueType === 'time') return iso.slice(11, 19);
    return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  return formatNumber(position);
}

export function truncate(value: string | null, max = 255): string | null {
  if (value === null) return null;
  return [...value].length <= max ? value : [...value].slice(0, max - 1).join('') + '…';
}
