import { describe, expect, it } from 'vitest';
import { extent, formatHour, formatNumber, linearScale, niceTicks } from './scale';
import { luminance, textOn, viridis } from './colors';

describe('scales', () => {
  it('maps and inverts, also with a reversed range', () => {
    const y = linearScale([0, 100], [200, 0]);
    expect(y(25)).toBe(150);
    expect(y.invert(150)).toBe(25);
  });

  it('ticks are round steps inside the interval', () => {
    expect(niceTicks(0, 24, 6)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(0.15, 0.9, 4)).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(-3, 3, 3)).toEqual([-2, 0, 2]);
  });

  it('extent skips NaN and widens a single value', () => {
    expect(extent([3, NaN, 1, Infinity])).toEqual([1, 3]);
    expect(extent([2])).toEqual([1.5, 2.5]);
    expect(extent([])).toEqual([0, 1]);
  });

  it('formats numbers without negative zero', () => {
    expect(formatNumber(-1e-12)).toBe('0');
    expect(formatNumber(1234.567)).toBe('1,234.57');
    expect(formatNumber(undefined)).toBe('–');
  });

  it('formats hours as clock times', () => {
    expect(formatHour(7.5)).toBe('07:30');
    expect(formatHour(19)).toBe('19:00');
    expect(formatHour(25)).toBe('+1 01:00');
  });
});

describe('colours', () => {
  it('viridis ends at its published end colours', () => {
    // matplotlib's _viridis_data: first entry (0.267004, 0.004874, 0.329415), last (0.993248, 0.906157, 0.143936).
    expect(viridis(0)).toBe('rgb(68, 1, 84)');
    expect(viridis(1)).toBe('rgb(253, 231, 37)');
  });

  it('relative luminance follows WCAG 2 (white 1, black 0, #777 ≈ 0.184)', () => {
    expect(luminance('#ffffff')).toBeCloseTo(1, 6);
    expect(luminance('#000000')).toBeCloseTo(0, 6);
    // WCAG: #777777 on white has contrast 4.48:1, so L = 1.05 / 4.48 - 0.05 ≈ 0.184.
    expect(luminance('#777777')).toBeCloseTo(0.184, 2);
    expect(textOn(viridis(0))).toBe('#fff');
    expect(textOn(viridis(1))).toBe('#000');
  });
});
