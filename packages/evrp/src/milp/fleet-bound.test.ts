import { describe, expect, it } from 'vitest';
import { rulesFor } from '../rules';
import { loadInstance } from '../testing/fixtures';
import { incompatibilityFleetBound } from './fleet-bound';

describe('incompatibilityFleetBound', () => {
  // Optimal fleets from Schneider et al. (2014) via CATALDO-DIAZ.md: the bound never exceeds them, and is tight where pairs decide it.
  it.each([
    ['rc105C5', 2],
    ['rc108C5', 2],
    ['c101C5', 2],
    ['rc204C5', 1],
  ] as const)('%s: at most the optimal fleet %i, and reaches it', (name, fleet) => {
    expect(incompatibilityFleetBound(loadInstance(name), rulesFor('a', 'distance'))).toBe(fleet);
  });

  it('r104C5 needs 2 vehicles but every pair fits one route: the bound stays 1', () => {
    expect(incompatibilityFleetBound(loadInstance('r104C5'), rulesFor('a', 'distance'))).toBe(1);
  });
});
