import { describe, expect, it } from 'vitest';
import { schmalstieg2014Nmc } from './degradation/schmalstieg';
import { uniformProfile, validateProfile } from './profile';
import { inputErrorOf } from './testing/inputError';

describe('SOC profiles', () => {
  it('builds uniform time stamps', () => {
    expect(Array.from(uniformProfile(0.5, [0.1, 0.2, 0.3], 25).timeH)).toEqual([0, 0.5, 1]);
  });

  it.each([
    ['profile.soc[1]', { timeH: [0, 1], soc: [0.5, 1.2], tempC: 25 }, 1.2],
    ['profile.timeH[2]', { timeH: [0, 1, 1], soc: [0.5, 0.5, 0.5], tempC: 25 }, 1],
    ['profile.tempC[0]', { timeH: [0, 1], soc: [0.5, 0.5], tempC: [Number.NaN, 20] }, Number.NaN],
    ['profile.tempC', { timeH: [0, 1], soc: [0.5, 0.5], tempC: 150 }, 150],
    ['profile.soc', { timeH: [0, 1], soc: [0.5], tempC: 25 }, 1],
  ])('rejects %s, naming the sample and its value', (field, p, value) => {
    const e = inputErrorOf(() => validateProfile(p));
    expect(e.field).toBe(field);
    expect(e.value).toEqual(value);
  });

  it('every model checks its profile before using it', () => {
    expect(
      inputErrorOf(() => schmalstieg2014Nmc.fade({ timeH: [0, 1], soc: [0.5, -0.1], tempC: 25 }))
        .field,
    ).toBe('profile.soc[1]');
  });
});
