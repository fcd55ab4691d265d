import { argError, fmtValue } from '../util/validate';

export type DataFormat = 'channelsFirst' | 'channelsLast';

/** Checks a dataFormat option (channelsLast by default, as TF.js). */
export function dataFormatArg(op: string, v: unknown): DataFormat {
  if (v === undefined || v === null) return 'channelsLast';
  if (v !== 'channelsFirst' && v !== 'channelsLast') throw argError(op, 'dataFormat', fmtValue(v), "'channelsLast' or 'channelsFirst'");
  return v;
}

/** The Keras spelling model.json records. */
export function dataFormatConfig(f: DataFormat): 'channels_first' | 'channels_last' {
  return f === 'channelsFirst' ? 'channels_first' : 'channels_last';
}

/** Where the channels and the spatial dims sit in a rank-(spatial + 1) shape without the batch dim. */
export function splitChannels(shape: readonly number[], f: DataFormat): { channels: number; spatial: number[] } {
  return f === 'channelsFirst' ? { channels: shape[0], spatial: shape.slice(1) } : { channels: shape[shape.length - 1], spatial: shape.slice(0, -1) };
}
