import { describe, expect, it } from 'vitest';
import { costLabel, isMoney } from './cost-bars';

describe('cost components', () => {
  it('names components without their unit suffix', () => {
    expect(costLabel('chargingUsd')).toBe('charging');
    expect(costLabel('operationalWagesUsd')).toBe('operational wages');
    expect(costLabel('distance')).toBe('distance');
  });

  it('prints only dollar components as money', () => {
    expect(isMoney('degradationUsd')).toBe(true);
    expect(isMoney('distance')).toBe(false);
    expect(isMoney('objective')).toBe(false);
  });
});
