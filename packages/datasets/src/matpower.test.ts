import { describe, expect, it } from 'vitest';
import { InputError } from '@gridhaul/common';
import { MATPOWER_CASES, matpowerCaseText, type MatpowerCaseName } from './matpower';

// Bus and branch counts of the IEEE test cases as MATPOWER ships them (MATPOWER manual, Table D-18).
const sizes: Record<MatpowerCaseName, { buses: number; branches: number }> = {
  case14: { buses: 14, branches: 20 },
  case30: { buses: 30, branches: 41 },
  case118: { buses: 118, branches: 186 },
};

function matrixRows(text: string, field: string): number {
  const body = new RegExp(`mpc\\.${field}\\s*=\\s*\\[([\\s\\S]*?)\\];`).exec(text)?.[1] ?? '';
  return body.split('\n').filter((l) => /^\s*\d/.test(l.replace(/%.*/, ''))).length;
}

describe('bundled MATPOWER cases', () => {
  it.each(MATPOWER_CASES)('%s has the published numbers of buses and branches', (name) => {
    const text = matpowerCaseText(name);
    expect(text).toContain(`function mpc = ${name}`);
    expect(matrixRows(text, 'bus')).toBe(sizes[name].buses);
    expect(matrixRows(text, 'branch')).toBe(sizes[name].branches);
  });

  it('names the choices for an unknown case', () => {
    expect(() => matpowerCaseText('case9' as MatpowerCaseName)).toThrow(InputError);
  });
});
