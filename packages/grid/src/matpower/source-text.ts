/**
 * The MATLAB source of a case file with comments and `...` continuations blanked out (character
 * offsets keep pointing at the original text, so every offset still has its line number), split
 * into top-level statements.
 */
export interface Statement {
  readonly text: string;
  /** Offset of `text` in the file. */
  readonly start: number;
}

export class SourceText {
  readonly cleaned: string;
  private readonly lineStarts: number[];

  constructor(
    readonly original: string,
    readonly fileName: string,
  ) {
    this.cleaned = blankCommentsAndContinuations(original);
    this.lineStarts = [0];
    for (let i = 0; i < original.length; i++) if (original[i] === '\n') this.lineStarts.push(i + 1);
  }

  /** 1-based line number of an offset. */
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** `file.m:12`, the field an InputError names. */
  where(offset: number): string {
    return `${this.fileName}:${this.lineAt(offset)}`;
  }

  /** Top-level statements, separated by `;`, `,` or a line break outside brackets. */
  statements(): Statement[] {
    const out: Statement[] = [];
    const text = this.cleaned;
    let depth = 0;
    let start = 0;
    let inString = false;
    const flush = (end: number) => {
      const raw = text.slice(start, end);
      const lead = raw.length - raw.trimStart().length;
      if (raw.trim() !== '') out.push({ text: raw.trim(), start: start + lead });
      start = end + 1;
    };
    for (let i = 0; i < text.length; i++) {
      const c = text[i] as string;
      if (inString) {
        if (c === "'") {
          if (text[i + 1] === "'") i++;
          else inString = false;
        } else if (c === '\n') inString = false;
        continue;
      }
      if (c === "'" && startsString(text, i)) inString = true;
      else if (c === '[' || c === '{' || c === '(') depth++;
      else if (c === ']' || c === '}' || c === ')') depth = Math.max(0, depth - 1);
      else if (depth === 0 && (c === ';' || c === ',' || c === '\n')) flush(i);
    }
    flush(text.length);
    return out;
  }
}

/** A quote opens a string unless it follows a value (then it is MATLAB's transpose). */
export function startsString(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  if (j < 0) return true;
  return !(j === i - 1 && /[\w\])}.']/.test(text[j] as string));
}

function blankCommentsAndContinuations(src: string): string {
  const out = src.split('');
  let inString = false;
  for (let i = 0; i < out.length; i++) {
    const c = out[i] as string;
    if (c === '\n') {
      inString = false;
      continue;
    }
    if (inString) {
      if (c === "'") {
        if (out[i + 1] === "'") i++;
        else inString = false;
      }
      continue;
    }
    if (c === "'" && startsString(src, i)) {
      inString = true;
      continue;
    }
    const continuation = c === '.' && src.startsWith('...', i);
    if (c === '%' || c === '#' || continuation) {
      let j = i;
      while (j < out.length && out[j] !== '\n') out[j++] = ' ';
      if (continuation && j < out.length) out[j] = ' ';
      i = j;
    }
  }
  return out.join('');
}
