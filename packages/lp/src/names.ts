/**
 * The one naming grammar for variables and rows: `family[key=value,key=value]`, e.g.
 * `x[k=2,i=0,j=5]` or `balance[bus=4,t=13]`. The family (the part before `[`) is what
 * `diagnose()` groups by.
 */
export function name(family: string, index?: Readonly<Record<string, string | number>>): string {
  if (!index) return family;
  const parts = Object.entries(index).map(([k, v]) => `${k}=${v}`);
  return parts.length === 0 ? family : `${family}[${parts.join(',')}]`;
}

/** The family of a name: everything before the first `[`. */
export function familyOf(fullName: string): string {
  const bracket = fullName.indexOf('[');
  return bracket < 0 ? fullName : fullName.slice(0, bracket);
}

// CPLEX LP names may hold letters, digits and !"#$%&()/,.;?@_`'{}|~ ; they must not start with a
// digit, a period or the letter e/E followed by a digit (read as a number), and are limited to 255
// characters. MPS (free format) forbids only white space. We map the grammar's brackets and `=` onto
// allowed characters and keep names unique.
const LP_ALLOWED = /[A-Za-z0-9!"#$%&()/,.;?@_`'{}|~]/;

function sanitizeOne(raw: string): string {
  let out = '';
  for (const ch of raw) {
    if (ch === '[') out += '(';
    else if (ch === ']') out += ')';
    else if (ch === '=') out += '_';
    else out += LP_ALLOWED.test(ch) ? ch : '_';
  }
  if (out.length === 0 || /^[0-9.]/.test(out) || /^[eE][0-9]/.test(out)) out = `_${out}`;
  return out.length > 240 ? out.slice(0, 240) : out;
}

/** Sanitised, unique names for a writer; collisions get a `~n` suffix. */
export function sanitizeNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const result = new Array<string>(names.length);
  for (let i = 0; i < names.length; i++) {
    const base = sanitizeOne(names[i] as string);
    let candidate = base;
    for (let n = 1; seen.has(candidate); n++) candidate = `${base}~${n}`;
    seen.add(candidate);
    result[i] = candidate;
  }
  return result;
}
