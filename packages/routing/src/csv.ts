import { InputError } from '@gridhaul/common';

/** One parsed CSV row with its 1-based line number in the file (for error messages). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; blank lines are dropped. */
export function parseCsv(text: string, file = 'csv'): CsvRow[] {
  if (typeof text !== 'string') throw new InputError(file, text, 'CSV text');
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = (): void => {
    cells.push(cell);
    if (cells.length > 1 || (cells[0] as string).trim() !== '') rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (quoted) throw new InputError(`${file}:${rowLine}`, cell, 'a closing quote');
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

/** A number cell, with an InputError naming file:line and the column when it is not one. */
export function csvNumber(file: string, row: CsvRow, col: number, column: string): number {
  const raw = row.cells[col];
  const value = raw === undefined ? NaN : Number(raw.trim());
  if (raw === undefined || raw.trim() === '' || !Number.isFinite(value)) throw new InputError(`${file}:${row.line} ${column}`, raw, 'a number');
  return value;
}
