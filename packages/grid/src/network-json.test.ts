import { InputError } from '@gridhaul/common';
import { describe, expect, it } from 'vitest';
import { networkFromJson, networkToJson } from './network-json';
import { loadCase } from './test-cases';

describe('JSON network format', () => {
  it.each([
    'matpower/case3012wp.m',
    'matpower/t_case9_opf.m',
    'powermodels/case5_db.m',
    'matpower/case14.m',
  ])('round-trips %s through JSON text unchanged', (file) => {
    const n = loadCase(file);
    const back = networkFromJson(JSON.parse(JSON.stringify(networkToJson(n))));
    expect(back).toEqual(n);
  });

  it('keeps infinite reactive limits as "Infinity" strings', () => {
    const json = networkToJson(loadCase('matpower/case3012wp.m')) as {
      generators: { qmaxMVAr: unknown }[];
    };
    expect(json.generators.some((g) => g.qmaxMVAr === 'Infinity')).toBe(true);
  });

  it('names the path of a wrong field', () => {
    const json = networkToJson(loadCase('matpower/case5.m')) as {
      branches: Record<string, unknown>[];
    };
    json.branches[2]!.xPu = 'small';
    expect(() => networkFromJson(json)).toThrow(
      expect.objectContaining({ field: 'branches[2].xPu', value: 'small' }),
    );
    expect(() => networkFromJson({ format: 'other' })).toThrow(InputError);
    const json2 = networkToJson(loadCase('matpower/case5.m')) as {
      buses: Record<string, unknown>[];
    };
    json2.buses[1]!.vminPu = 1.2;
    expect(() => networkFromJson(json2)).toThrow(
      expect.objectContaining({ field: 'buses[1].vminPu' }),
    );
  });
});
