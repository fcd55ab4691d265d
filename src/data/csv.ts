import { checkKnownKeys, argError, fmtValue } from '../util/validate';
import { csvLines, splitCsvLine } from './csv-parse';
import { Dataset } from './dataset';
import { assertUrlSource, browserBuildPath, DataSource, fetchBytes, isLocalPath, sourceText } from './data-source';

// tf.data.csv: the rows of a CSV file as a dataset of objects keyed by column name, {xs, ys} when some column is
// a label, with TF.js's configuration (header, names, per-column dtype/default/required/isLabel, delimiters) and
// its errors. Every pass reads the source afresh.

/** How one column is read, as TF.js's ColumnConfig. */
export interface ColumnConfig {
  /** A row with this column empty is an error. */
  required?: boolean;
  /** 'float32' (the default) keeps the number, 'int32' floors it, 'bool' reads '1'/'true' (any case) as 1, else 0. */
  dtype?: 'float32' | 'int32' | 'bool' | 'string';
  /** What an empty cell reads as. */
  default?: number | string;
  /** The column goes into the element's ys (its other columns into xs); a label cell may not be empty. */
  isLabel?: boolean;
}

/** tf.data.csv's options, as TF.js's CSVConfig. */
export interface CSVConfig {
  /** Whether the first line names the columns (default true). */
  hasHeader?: boolean;
  /** The column names (required without a header; with one, they replace its names and must be as many). */
  columnNames?: string[];
  /** Per-column options, by column name. */
  columnConfigs?: Record<string, ColumnConfig>;
  /** Only the columns named in columnConfigs make the elements. */
  configuredColumnsOnly?: boolean;
  /** The field separator (default ','). */
  delimiter?: string;
  /** Fields are parted by runs of spaces (no delimiter may be given then). */
  delimWhitespace?: boolean;
}

/** A cell's value: a number, a string when it reads as no number, undefined when empty and without a default. */
export type CsvValue = number | string | undefined;
/** One row's cells by column name. */
export type CsvRow = Record<string, CsvValue>;
/** An element: the row's cells, or {xs, ys} (features and labels) when some column is a label. */
export type CsvElement = CsvRow | { xs: CsvRow; ys: CsvRow };

const CONFIG_KEYS = ['hasHeader', 'columnNames', 'columnConfigs', 'configuredColumnsOnly', 'delimiter', 'delimWhitespace'] as const;
const COLUMN_KEYS = ['required', 'dtype', 'default', 'isLabel'] as const;

interface CsvSettings {
  readText: () => Promise<string>;
  hasHeader: boolean;
  names: string[] | null;
  configs: Record<string, ColumnConfig> | null;
  configuredOnly: boolean;
  delimiter: string;
  whitespace: boolean;
  validated: boolean;
}

// As TF.js, an option given as null (or a delimiter given as '') is taken as not given.
function checkConfig(config: CSVConfig): void {
  checkKnownKeys('data.csv', 'csvConfig', config, CONFIG_KEYS);
  if (config.columnNames != null && (!Array.isArray(config.columnNames) || config.columnNames.some((n) => typeof n !== 'string'))) {
    throw argError('data.csv', 'csvConfig.columnNames', fmtValue(config.columnNames), 'an array of strings');
  }
  if (config.delimiter != null && config.delimiter !== '' && (typeof config.delimiter !== 'string' || config.delimiter.length !== 1)) {
    throw argError('data.csv', 'csvConfig.delimiter', fmtValue(config.delimiter), 'one character');
  }
  if (config.delimWhitespace && config.delimiter != null) throw new Error('Delimiter should not be provided when delimWhitespace is true.');
  for (const [name, column] of Object.entries(config.columnConfigs ?? {})) checkKnownKeys('data.csv', `csvConfig.columnConfigs[${fmtValue(name)}]`, column, COLUMN_KEYS);
}

/**
 * The column names, from the header and/or the config, checked once (as TF.js) against each other and the configs;
 * lines are the file's when a pass has read it already.
 */
async function validateColumns(s: CsvSettings, lines?: string[]): Promise<void> {
  if (s.validated) return;
  let fromHeader: string[] | null = null;
  if (s.hasHeader) {
    const first = (lines ?? csvLines(await s.readText()))[0];
    if (first === undefined) throw new Error('No data was found for CSV parsing.');
    fromHeader = splitCsvLine(first, s.delimiter, s.whitespace);
  }
  if (s.names === null && fromHeader === null) throw new Error('Column names must be provided if there is no header line.');
  if (s.names !== null && fromHeader !== null && s.names.length !== fromHeader.length) {
    throw new Error(`The length of provided columnNames (${s.names.length}) does not match the length of the header line read from file (${fromHeader.length}).`);
  }
  const names = s.names ?? (fromHeader as string[]);
  const duplicates = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  if (duplicates.length > 0) throw new Error(`Duplicate column names found: ${duplicates.join(',')}`);
  for (const key of Object.keys(s.configs ?? {})) {
    if (!names.includes(key)) throw new Error(`The key "${key}" provided in columnConfigs does not match any of the column names (${names.join(',')}).`);
  }
  s.names = names;
  s.validated = true;
}

const asBool = (cell: string): number => (cell === '1' || cell.toLowerCase() === 'true' ? 1 : 0);

function cellValue(cell: string, column: string, config: ColumnConfig | undefined, line: string): CsvValue {
  if (cell === '') {
    if (config?.default !== undefined) return config.default;
    if (config?.required || config?.isLabel) throw new Error(`Required column ${column} is empty in this line: ${line}`);
    return undefined;
  }
  const n = Number(cell);
  if (Number.isNaN(n)) return config?.dtype === 'bool' ? asBool(cell) : cell;
  if (config?.dtype === 'int32') return Math.floor(n);
  if (config?.dtype === 'bool') return asBool(cell);
  return n;
}

function rowElement(s: CsvSettings, line: string): CsvElement {
  const names = s.names as string[];
  const cells = splitCsvLine(line, s.delimiter, s.whitespace);
  if (cells.length !== names.length) throw new Error(`Invalid row in csv file. Should have ${names.length} elements in a row, but got ${cells.join(',')}`);
  const xs: CsvRow = {};
  const ys: CsvRow = {};
  names.forEach((column, i) => {
    const config = s.configs?.[column];
    if (s.configuredOnly && !config) return;
    (config?.isLabel ? ys : xs)[column] = cellValue(cells[i], column, config, line);
  });
  return Object.keys(ys).length === 0 ? xs : { xs, ys };
}

/** A dataset of a CSV file's rows, as tf.data.CSVDataset; made by tf.data.csv. */
export class CSVDataset extends Dataset<CsvElement> {
  private readonly settings: CsvSettings;

  /**
   * The rows of a source's CSV text, as TF.js's CSVDataset(input, csvConfig): input a tf.data.DataSource (FileDataSource,
   * URLDataSource), or (@internal, tf.data.csv) a function giving the whole file, read afresh for each pass.
   */
  constructor(input: DataSource | (() => Promise<string>), csvConfig?: CSVConfig) {
    if (!(input instanceof DataSource || typeof input === 'function')) throw argError('data.CSVDataset', 'input', fmtValue(input), 'a tf.data.DataSource (FileDataSource or URLDataSource)');
    const config = csvConfig ?? {};
    checkConfig(config);
    const settings: CsvSettings = {
      readText: input instanceof DataSource ? () => sourceText(input) : input,
      hasHeader: config.hasHeader !== false,
      names: config.columnNames ?? null,
      configs: config.columnConfigs ?? null,
      configuredOnly: config.configuredColumnsOnly === true,
      delimiter: config.delimWhitespace ? ' ' : config.delimiter || ',',
      whitespace: config.delimWhitespace === true,
      validated: false,
    };
    super(async () => {
      const lines = csvLines(await settings.readText());
      // Checked as a pass opens, as TF.js's iterator() checks: a pass is refused before any row is asked for.
      await validateColumns(settings, lines);
      return (async function* () {
        for (const line of settings.hasHeader ? lines.slice(1) : lines) yield rowElement(settings, line);
        // The end's value, as TF.js's passes end: {done: true, value: null}.
        return null;
      })();
    }, null);
    this.settings = settings;
  }

  /** The names of the columns the elements hold (only the configured ones with configuredColumnsOnly), as TF.js. */
  async columnNames(): Promise<string[]> {
    await validateColumns(this.settings);
    return this.settings.configuredOnly ? Object.keys(this.settings.configs ?? {}) : [...(this.settings.names as string[])];
  }
}

/** A source's text through fetch (an http(s) URL, or a path relative to the page), TF.js's URL source. */
export function fetchText(op: string, source: string | Request): () => Promise<string> {
  return async () => new TextDecoder().decode(await fetchBytes(op, source));
}

/**
 * The rows of the CSV file at source (an http(s) URL or a page-relative path, fetched), as tf.data.csv. This
 * build has no file system: Node's build also reads file:// paths.
 */
export function csv(source: string | Request, csvConfig: CSVConfig = {}): CSVDataset {
  assertUrlSource('data.csv', 'source', source);
  if (isLocalPath(source)) browserBuildPath('data.csv', source);
  return new CSVDataset(fetchText('data.csv', source), csvConfig);
}
