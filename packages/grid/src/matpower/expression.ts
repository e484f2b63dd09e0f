import { InputError } from '@gridhaul/common';
import type { SourceText } from './source-text';

/**
 * Expressions of the small MATLAB subset that case files use in code: numbers, names (`Vbase`,
 * `mpc.baseMVA`), indexing (`mpc.bus(1, BASE_KV)`, `mpc.branch(:, [BR_R BR_X])`), + − * / ^ and
 * parentheses. Parsed into a tree; `interpreter.ts` evaluates it.
 */
export type Expr =
  | { readonly t: 'num'; readonly v: number; readonly at: number }
  | { readonly t: 'str'; readonly v: string; readonly at: number }
  | { readonly t: 'name'; readonly parts: readonly string[]; readonly at: number }
  | {
      readonly t: 'index';
      readonly target: Expr & { t: 'name' };
      readonly args: readonly (Expr | 'all')[];
      readonly at: number;
    }
  | { readonly t: 'list'; readonly items: readonly Expr[]; readonly at: number }
  | { readonly t: 'neg'; readonly e: Expr; readonly at: number }
  | {
      readonly t: 'bin';
      readonly op: BinaryOp;
      readonly l: Expr;
      readonly r: Expr;
      readonly at: number;
    };

export type BinaryOp = '+' | '-' | '*' | '/' | '^';

interface Token {
  readonly kind: 'num' | 'name' | 'str' | 'op' | 'end';
  readonly text: string;
  readonly at: number;
}

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_]\w*/;

function tokenize(src: SourceText, text: string, offset: number): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const num = NUMBER.exec(rest);
    if (num) {
      tokens.push({ kind: 'num', text: num[0], at: offset + i });
      i += num[0].length;
      continue;
    }
    const name = NAME.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', text: name[0], at: offset + i });
      i += name[0].length;
      continue;
    }
    if (c === "'") {
      let j = i + 1;
      let value = '';
      while (j < text.length) {
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += text[j];
        j++;
      }
      if (j >= text.length)
        throw new InputError(src.where(offset + i), rest, 'a closing quote on the same line');
      tokens.push({ kind: 'str', text: value, at: offset + i });
      i = j + 1;
      continue;
    }
    const two = rest.slice(0, 2);
    if (two === '.*' || two === './' || two === '.^') {
      tokens.push({ kind: 'op', text: two.slice(1), at: offset + i });
      i += 2;
      continue;
    }
    if ('+-*/^()[],:.;'.includes(c)) {
      tokens.push({ kind: 'op', text: c, at: offset + i });
      i++;
      continue;
    }
    throw new InputError(
      src.where(offset + i),
      rest.slice(0, 20),
      'a number, a name or one of + - * / ^ ( ) [ ] , :',
    );
  }
  tokens.push({ kind: 'end', text: '', at: offset + text.length });
  return tokens;
}

/** Parses `text` (found at `offset` in the file) as one expression. */
export function parseExpression(src: SourceText, text: string, offset: number): Expr {
  const p = new Parser(src, tokenize(src, text, offset));
  const e = p.expression();
  p.expectEnd();
  return e;
}

class Parser {
  private pos = 0;

  constructor(
    private readonly src: SourceText,
    private readonly tokens: Token[],
  ) {}

  private peek(): Token {
    return this.tokens[this.pos] as Token;
  }

  private take(): Token {
    return this.tokens[this.pos++] as Token;
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.text === text;
  }

  private expect(text: string): void {
    const t = this.take();
    if (t.kind !== 'op' || t.text !== text)
      throw new InputError(this.src.where(t.at), t.text || 'end of statement', `'${text}'`);
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.kind !== 'end')
      throw new InputError(this.src.where(t.at), t.text, 'end of the expression');
  }

  expression(): Expr {
    let e = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.take();
      e = { t: 'bin', op: op.text as BinaryOp, l: e, r: this.term(), at: op.at };
    }
    return e;
  }

  private term(): Expr {
    let e = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const op = this.take();
      e = { t: 'bin', op: op.text as BinaryOp, l: e, r: this.unary(), at: op.at };
    }
    return e;
  }

  private unary(): Expr {
    if (this.isOp('-')) {
      const op = this.take();
      return { t: 'neg', e: this.unary(), at: op.at };
    }
    if (this.isOp('+')) this.take();
    return this.power();
  }

  private power(): Expr {
    let e = this.postfix();
    while (this.isOp('^')) {
      const op = this.take();
      const r = this.isOp('-') ? this.unary() : this.postfix();
      e = { t: 'bin', op: '^', l: e, r, at: op.at };
    }
    return e;
  }

  private postfix(): Expr {
    const e = this.primary();
    if (e.t === 'name' && this.isOp('(')) {
      this.take();
      const args: (Expr | 'all')[] = [];
      if (!this.isOp(')')) {
        for (;;) {
          if (this.isOp(':')) {
            this.take();
            args.push('all');
          } else args.push(this.expression());
          if (this.isOp(',')) this.take();
          else break;
        }
      }
      this.expect(')');
      return { t: 'index', target: e, args, at: e.at };
    }
    return e;
  }

  private primary(): Expr {
    const t = this.take();
    if (t.kind === 'num') return { t: 'num', v: Number(t.text), at: t.at };
    if (t.kind === 'str') return { t: 'str', v: t.text, at: t.at };
    if (t.kind === 'name') {
      const parts = [t.text];
      while (this.isOp('.') && this.tokens[this.pos + 1]?.kind === 'name') {
        this.take();
        parts.push(this.take().text);
      }
      return { t: 'name', parts, at: t.at };
    }
    if (t.kind === 'op' && t.text === '(') {
      const e = this.expression();
      this.expect(')');
      return e;
    }
    if (t.kind === 'op' && t.text === '[') {
      const items: Expr[] = [];
      while (!this.isOp(']')) {
        if (this.peek().kind === 'end')
          throw new InputError(this.src.where(this.peek().at), 'end of statement', "']'");
        items.push(this.expression());
        if (this.isOp(',') || this.isOp(';')) this.take();
      }
      this.take();
      return { t: 'list', items, at: t.at };
    }
    throw new InputError(
      this.src.where(t.at),
      t.text || 'end of statement',
      'a number, a name, ( or [',
    );
  }
}
