import { readFileSync } from 'node:fs';
import { expectClose } from '@gridhaul/common/testing';
import { describe, expect, it } from 'vitest';
import { CYCLE_LIFE_DOD, cycleLifeModel, cyclesToEndOfLife } from './cycleLife';
import { NAUMANN_LFP, naumannLfp } from './naumann';
import { SCHMALSTIEG_OCV_SOC, SCHMALSTIEG_OCV_V, nmcMeanOcv, nmcOcv } from './ocv';
import {
  SCHIMPE_2018,
  schimpe2018Lfp,
  schimpeAnodePotential,
  schimpeKCal,
  schimpeKHighT,
  schimpeKLowT,
} from './schimpe';
import {
  SCHMALSTIEG_2014,
  schmalstieg2014Nmc,
  schmalstiegAlphaCap,
  schmalstiegBetaCap,
} from './schmalstieg';
import { WANG_2011, wang2011Lfp, wangB } from './wang';
import { XU_2018, xuDepthStress } from './xu';

// Copy of ../shared/data/degradation/degradation-params.json; the constants in src must be these numbers.
const params = JSON.parse(
  readFileSync(new URL('../../test/data/degradation-params.json', import.meta.url), 'utf8'),
);
const K25 = 298.15;
const YEAR_H = 8760;

describe('coefficients copied into the package equal the shared parameter file', () => {
  it('Schmalstieg 2014 (BLAST-Lite _params_life) and its OCV table', () => {
    const j = params.schmalstieg2014_nmc;
    expect([
      SCHMALSTIEG_2014.cellAh,
      SCHMALSTIEG_2014.calA,
      SCHMALSTIEG_2014.calB,
      SCHMALSTIEG_2014.calScale,
      SCHMALSTIEG_2014.calC,
      SCHMALSTIEG_2014.calP,
    ]).toEqual([j.cell_Ah, j.qcal_A_V, j.qcal_B_V, j.qcal_scale, j.qcal_C_TdegK, j.qcal_p]);
    expect([
      SCHMALSTIEG_2014.cycA,
      SCHMALSTIEG_2014.cycB,
      SCHMALSTIEG_2014.cycC,
      SCHMALSTIEG_2014.cycD,
      SCHMALSTIEG_2014.cycP,
    ]).toEqual([j.qcyc_A_V, j.qcyc_B_V, j.qcyc_C, j.qcyc_D_DOD, j.qcyc_p]);
    expect(SCHMALSTIEG_OCV_SOC).toEqual(j.ocv_soc);
    expect(SCHMALSTIEG_OCV_V).toEqual(j.ocv_V);
  });

  it('Schimpe 2018 (verified and the then-unverified low-temperature terms)', () => {
    const j = params.schimpe2018_lfp;
    const u = j.unverified;
    expect([
      SCHIMPE_2018.kCalRef,
      SCHIMPE_2018.eaCal,
      SCHIMPE_2018.alpha,
      SCHIMPE_2018.k0,
      SCHIMPE_2018.uaRefV,
      SCHIMPE_2018.tRefK,
    ]).toEqual([j.k_cal_ref_per_sqrt_h, j.Ea_cal, j.alpha, j.k0, j.Ua_ref_V, j.T_ref_K]);
    expect([
      SCHIMPE_2018.kHighTRef,
      SCHIMPE_2018.eaHighT,
      SCHIMPE_2018.kLowTRef,
      SCHIMPE_2018.eaLowT,
    ]).toEqual([
      j.k_cyc_highT_ref_per_sqrt_Ah,
      j.Ea_cyc_highT,
      j.k_cyc_lowT_ref_per_sqrt_Ah,
      j.Ea_cyc_lowT,
    ]);
    expect([
      SCHIMPE_2018.betaLowT,
      SCHIMPE_2018.kLowTHighSocRef,
      SCHIMPE_2018.eaLowTHighSoc,
      SCHIMPE_2018.socRef,
      SCHIMPE_2018.iChRefA,
    ]).toEqual([
      u.beta_lowT_h,
      u.k_cyc_lowT_highSOC_ref_per_Ah,
      u.Ea_cyc_lowT_highSOC,
      u.SOC_ref,
      u.I_ch_ref_A,
    ]);
    // the shared file has β_LowT-HighSOC "≈ 7.8 h" from memory; both public parameter scripts say 7.84 h
    expectClose(
      SCHIMPE_2018.betaLowTHighSoc,
      u.beta_lowT_highSOC_h,
      { abs: 0.05 },
      'β_LowT-HighSOC',
    );
  });

  it('Naumann (SimSES sony_lfp_*), Wang 2011, cycle life vs DoD, Xu 2018', () => {
    const n = params.naumann_sony_lfp;
    expect([
      NAUMANN_LFP.rGas,
      NAUMANN_LFP.calKRef,
      NAUMANN_LFP.calEa,
      NAUMANN_LFP.calC,
      NAUMANN_LFP.calD,
    ]).toEqual([n.R, n.cal_k_ref_per_sqrt_s, n.cal_Ea, n.cal_C, n.cal_D]);
    expect([
      NAUMANN_LFP.cycA,
      NAUMANN_LFP.cycB,
      NAUMANN_LFP.cycC,
      NAUMANN_LFP.cycD,
      NAUMANN_LFP.cycDodCenter,
    ]).toEqual([n.cyc_A, n.cyc_B, n.cyc_C, n.cyc_D, n.cyc_dod_center]);
    const w = params.wang2011_lfp;
    expect([WANG_2011.ea, WANG_2011.cRateCoeff, WANG_2011.z]).toEqual([w.Ea, w.crate_coeff, w.z]);
    expect(Object.fromEntries(WANG_2011.bByCRate.map(([c, b]) => [String(c), b]))).toEqual(
      w.B_by_crate,
    );
    const g = params.generalized_leekim_style;
    expect([CYCLE_LIFE_DOD.beta0, CYCLE_LIFE_DOD.beta1, CYCLE_LIFE_DOD.beta2]).toEqual([
      g.beta0,
      g.beta1,
      g.beta2,
    ]);
    const x = params.xu2018;
    expect([
      XU_2018.kDelta1,
      XU_2018.kDelta2,
      XU_2018.kDelta3,
      XU_2018.kSigma,
      XU_2018.sigmaRef,
      XU_2018.kT,
      XU_2018.tRefK - 273.15,
    ]).toEqual([x.k_delta1, x.k_delta2, x.k_delta3, x.k_sigma, x.sigma_ref, x.k_T, x.T_ref_C]);
    expect([XU_2018.kTime, XU_2018.alphaSei, XU_2018.betaSei]).toEqual([
      x.k_t_per_s,
      x.alpha_sei,
      x.beta_sei,
    ]);
  });
});

// Sanity values: ../shared/notes/degradation.md (section given per block), computed there from the cited codes.
describe('Schmalstieg 2014 NMC (notes §1)', () => {
  it.each([
    [0.3, 2.49e-4],
    [0.5, 2.85e-4],
    [0.8, 4.25e-4],
    [1.0, 5.27e-4],
  ])('α_cap at 25 °C, SOC %s ≈ %s per day^0.75', (soc, alpha) => {
    expectClose(
      schmalstiegAlphaCap(nmcOcv(soc), K25),
      alpha,
      { abs: 0.006e-4 },
      `α_cap(SOC ${soc})`,
    );
  });

  it.each([
    [0.1, 1.18e-3],
    [0.5, 2.81e-3],
    [0.8, 4.03e-3],
    [1.0, 4.85e-3],
  ])('β_cap at V̄ = 3.7 V, DoD %s ≈ %s per √Ah', (dod, beta) => {
    expectClose(schmalstiegBetaCap(3.7, dod), beta, { abs: 0.006e-3 }, `β_cap(DoD ${dod})`);
  });

  it('one year of storage at 25 °C loses 2.1 / 2.4 / 3.6 / 4.4 % (SOC 0.3 / 0.5 / 0.8 / 1.0); 5.1 % at 35 °C, SOC 0.5', () => {
    [
      [0.3, 0.021],
      [0.5, 0.024],
      [0.8, 0.036],
      [1.0, 0.044],
    ].forEach(([soc, loss]) =>
      expectClose(
        schmalstieg2014Nmc.calendarFade(soc!, 25, 365 * 24),
        loss!,
        { abs: 0.0006 },
        `1-year loss at SOC ${soc}`,
      ),
    );
    expectClose(
      schmalstieg2014Nmc.calendarFade(0.5, 35, 365 * 24),
      0.051,
      { abs: 0.0006 },
      '1-year loss at 35 °C',
    );
  });

  it('1000 EFC (4300 Ah) at V̄ = 3.7 V: 7.7 / 18.4 / 26.4 / 31.8 % (DoD 0.1 / 0.5 / 0.8 / 1.0)', () => {
    [
      [0.1, 0.077],
      [0.5, 0.184],
      [0.8, 0.264],
      [1.0, 0.318],
    ].forEach(([dod, loss]) =>
      expectClose(
        schmalstiegBetaCap(3.7, dod!) * Math.sqrt(4300),
        loss!,
        { abs: 0.0006 },
        `loss at DoD ${dod}`,
      ),
    );
  });

  it('mean OCV over a range is the exact average of the table polyline', () => {
    expectClose(
      nmcMeanOcv(0.5, 0.6),
      (3.6974 + 3.7747) / 2,
      { abs: 1e-12 },
      'within one table step',
    );
    expectClose(
      nmcMeanOcv(0, 1),
      (3.331 / 2 +
        3.491 +
        3.5812 +
        3.6267 +
        3.6552 +
        3.6974 +
        3.7747 +
        3.8688 +
        3.9649 +
        4.073 +
        4.162 / 2) /
        10,
      { abs: 1e-12 },
      'whole table',
    );
  });
});

describe('Schimpe 2018 LFP (notes §2)', () => {
  it.each([
    [0, 0.684],
    [0.1, 0.233],
    [0.3, 0.149],
    [0.5, 0.123],
    [0.7, 0.108],
    [0.9, 0.088],
  ])('anode potential at SOC %s ≈ %s V', (soc, ua) => {
    expectClose(schimpeAnodePotential(soc), ua, { abs: 0.0006 }, `U_a(${soc})`);
  });

  it.each([
    [0, 5.3e-5],
    [0.1, 1.24e-4],
    [0.3, 3.03e-4],
    [0.5, 4.2e-4],
    [0.7, 5.12e-4],
    [0.9, 6.74e-4],
  ])('k_cal at 25 °C, SOC %s ≈ %s h^-0.5', (soc, k) => {
    expectClose(schimpeKCal(soc, K25), k, { rel: 0.01 }, `k_cal(${soc})`);
  });

  it('k_cyc,HighT 7.2e-5 / 1.456e-4 / 3.3e-4 and k_cyc,LowT 1.31e-3 / 4.0e-4 / 9.8e-5 at 10 / 25 / 45 °C', () => {
    expectClose(schimpeKHighT(283.15), 7.2e-5, { rel: 0.01 }, 'k_HighT 10 °C');
    expectClose(schimpeKHighT(K25), 1.456e-4, { rel: 1e-12 }, 'k_HighT 25 °C');
    expectClose(schimpeKHighT(318.15), 3.3e-4, { rel: 0.015 }, 'k_HighT 45 °C');
    expectClose(schimpeKLowT(283.15, 3), 1.31e-3, { rel: 0.01 }, 'k_LowT 10 °C');
    expectClose(schimpeKLowT(K25, 3), 4.009e-4, { rel: 1e-12 }, 'k_LowT 25 °C');
    expectClose(schimpeKLowT(318.15, 3), 9.8e-5, { rel: 0.015 }, 'k_LowT 45 °C');
  });

  it('one year of storage at 25 °C: 0.5 / 3.9 / 6.3 % at SOC 0 / 0.5 / 0.9', () => {
    [
      [0, 0.005],
      [0.5, 0.039],
      [0.9, 0.063],
    ].forEach(([soc, loss]) =>
      expectClose(
        schimpe2018Lfp.calendarFade(soc!, 25, YEAR_H),
        loss!,
        { abs: 0.0006 },
        `1-year loss at SOC ${soc}`,
      ),
    );
  });
});

describe('Naumann LFP (notes §2, SimSES)', () => {
  it('one year of storage at 25 °C: 1.7 / 4.25 / 6.8 % at SOC 0 / 0.5 / 1', () => {
    expectClose(naumannLfp.calendarFade(0, 25, YEAR_H), 0.017, { abs: 0.0006 }, 'SOC 0');
    expectClose(naumannLfp.calendarFade(0.5, 25, YEAR_H), 0.0425, { abs: 0.0003 }, 'SOC 0.5');
    expectClose(naumannLfp.calendarFade(1, 25, YEAR_H), 0.068, { abs: 0.0006 }, 'SOC 1');
  });

  it('1000 FEC at C/2 and DoD 0.8: 4.6 %', () => {
    expectClose(
      naumannLfp.cycleFade({ depth: 0.8, meanSoc: 0.5, tempC: 25, cRate: 0.5 }, 1000 / 0.8),
      0.046,
      { abs: 0.0006 },
      'cycle loss',
    );
  });
});

describe('Wang 2011 LFP (notes §3)', () => {
  it('B(C) passes through the four published fits', () => {
    expect([wangB(0.5), wangB(2), wangB(6), wangB(10)]).toEqual([31630, 21681, 12934, 15512]);
  });

  it('1000 full cycles (4400 Ah) at 25 °C: 9.6 % (C/2), 8.2 % (2C), 19.5 % (10C)', () => {
    [
      [0.5, 0.096],
      [2, 0.082],
      [10, 0.195],
    ].forEach(([c, loss]) =>
      expectClose(
        wang2011Lfp.cycleFade({ depth: 1, meanSoc: 0.5, tempC: 25, cRate: c! }, 1000),
        loss!,
        { abs: 0.0006 },
        `loss at ${c}C`,
      ),
    );
  });
});

describe('cycle life vs DoD (notes §5)', () => {
  it('N(DoD) = 474 830 / 120 172 / 19 489 / 7 648 / 4 901 at 0.1 / 0.2 / 0.5 / 0.8 / 1.0', () => {
    [
      [0.1, 474830],
      [0.2, 120172],
      [0.5, 19489],
      [0.8, 7648],
      [1, 4901],
    ].forEach(([d, n]) => expectClose(cyclesToEndOfLife(d!), n!, { abs: 0.6 }, `N(${d})`));
  });

  it('reaches the end-of-life fade after N(DoD) cycles', () => {
    expectClose(
      cycleLifeModel(0.8).cycleFade(
        { depth: 0.8, meanSoc: 0.5, tempC: 25, cRate: 1 },
        cyclesToEndOfLife(0.8),
      ),
      0.2,
      { rel: 1e-12 },
      'fade at N',
    );
  });
});

describe('Xu 2018 stress model (notes §4)', () => {
  it('S_δ = 3.1e-6 / 5.2e-6 / 1.33e-5 / 2.98e-5 / 5.88e-5 per cycle at δ 0.1 / 0.2 / 0.5 / 0.8 / 1.0', () => {
    [
      [0.1, 3.1e-6],
      [0.2, 5.2e-6],
      [0.5, 1.33e-5],
      [0.8, 2.98e-5],
      [1, 5.88e-5],
    ].forEach(([d, s]) => expectClose(xuDepthStress(d!), s!, { rel: 0.02 }, `S_δ(${d})`));
  });

  it('S_t over one year = 0.0131 (k_t·t at σ = σ_ref, T = T_ref)', () => {
    expectClose(XU_2018.kTime * 365 * 24 * 3600, 0.0131, { abs: 0.00006 }, 'S_t(1 year)');
  });
});
