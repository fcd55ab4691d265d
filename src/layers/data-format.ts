import { argError, fmtValue } from '../util/validate';

export type DataFormat = 'channelsFirst' | 'channelsLast';

/** A layer's dataFormat (TF.js spelling; Keras's snake_case is read too), channelsLast by default. */
export function dataFormatArg(op: string, v: unknown): DataFormat {
  if (v === undefined || v === null || v === 'channelsLast' || v === 'channels_last') return 'channelsLast';
  if (v === 'channelsFirst' || v === 'channels_first') return 'channelsFirst';
  throw argError(op, 'dataFormat', fmtValue(v), "'channelsLast' or 'channelsFirst'");
}

/** The Keras JSON spelling. */
export function dataFormatConfig(f: DataFormat): string {
  return f === 'channelsFirst' ? 'channels_first' : 'channels_last';
}

/** The spatial axes of an input of this rank (batch included) in this layout. */
export function spatialAxes(rank: number, f: DataFormat): number[] {
  return Array.from({ length: rank - 2 }, (_, i) => (f === 'channelsLast' ? i + 1 : i + 2));
}
