// One CSV line into its fields, as TF.js's CSVDataset reads it: a field may be quoted (its delimiters kept; a
// doubled quote inside is left doubled, as TF.js leaves it); with delimWhitespace, runs of spaces part fields.

type State = 'out' | 'field' | 'quoted' | 'afterQuote' | 'pastQuote';

export function splitCsvLine(line: string, delimiter: string, delimWhitespace: boolean): string[] {
  const fields: string[] = [];
  let start = 0;
  let state: State = 'out';
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    switch (state) {
      case 'out':
        if (c === '"') {
          start = i + 1;
          state = 'quoted';
        } else if (c === delimiter) {
          start = i + 1;
          if (!delimWhitespace) fields.push('');
        } else {
          start = i;
          state = 'field';
        }
        break;
      case 'field':
        if (c === delimiter) {
          fields.push(line.substring(start, i));
          start = i + 1;
          state = 'out';
        }
        break;
      case 'quoted':
        if (c === '"') state = 'afterQuote';
        break;
      case 'afterQuote':
        if (c === delimiter) {
          fields.push(line.substring(start, i - 1));
          start = i + 1;
          state = 'out';
        } else {
          state = c === '"' ? 'quoted' : 'pastQuote';
        }
        break;
      case 'pastQuote':
        if (c === '"') state = 'quoted';
        break;
    }
  }
  fields.push(state === 'afterQuote' ? line.substring(start, line.length - 1) : line.substring(start));
  return fields;
}

/** The lines of a text, as TF.js splits a file: on '\n', a trailing '\r' dropped, no empty line after a final newline. */
export function csvLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}
