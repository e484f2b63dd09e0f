// Worker thread that owns one HiGHS WebAssembly instance. Plain JavaScript so it loads without a
// TypeScript loader in any host (tsx, vitest, a built app). Messages in: { id, model, options, start? } or
// { id, debugAbort: true }; out: { id, progress } while solving, then { id, result } or { id, error }.
import { parentPort } from 'node:worker_threads';
import highsLoader from 'highs';

const highs = await highsLoader();
const INF = highs.infinity;
const finite = (x) => (x === Infinity ? INF : x === -Infinity ? -INF : x);

parentPort.on('message', (msg) => {
  try {
    if (msg.debugAbort) throw new WebAssembly.RuntimeError('Aborted(forced by debugAbort)');
    const result = solve(msg.id, msg.model, msg.options, msg.start);
    parentPort.postMessage({ id: msg.id, result });
  } catch (e) {
    const fatal = e instanceof WebAssembly.RuntimeError || e instanceof RangeError || /abort|memory/i.test(String(e?.message));
    parentPort.postMessage({ id: msg.id, error: { name: e?.name ?? 'Error', message: String(e?.message ?? e), fatal } });
    if (fatal) process.exit(1);
  }
});

function toModelData(m) {
  const data = {
    numCols: m.numCols,
    numRows: m.numRows,
    sense: m.maximize ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    offset: m.offset,
    colCost: m.colCost,
    colLower: m.colLower.map(finite),
    colUpper: m.colUpper.map(finite),
    rowLower: m.rowLower.map(finite),
    rowUpper: m.rowUpper.map(finite),
    matrix: { format: 'csr', numRows: m.numRows, numCols: m.numCols, starts: m.starts, indices: m.indices, values: m.values },
  };
  if (m.integer) data.integrality = Int32Array.from(m.integer);
  if (m.hessian) data.hessian = { format: 'triangular', dimension: m.numCols, ...m.hessian };
  return data;
}

// A MIP start: dense when it gives every column, else sparse (HiGHS completes the rest).
function setStart(model, m, start) {
  try {
    if (start.complete) {
      const colValue = new Float64Array(m.numCols);
      start.indices.forEach((j, k) => (colValue[j] = start.values[k]));
      model.setSolution({ colValue });
    } else {
      model.setSolution({ indices: start.indices, values: start.values });
    }
    return undefined;
  } catch (e) {
    return String(e?.message ?? e);
  }
}

function solve(id, m, options, start) {
  const model = highs.createModel(toModelData(m));
  try {
    const opts = { output_flag: false, random_seed: options.randomSeed ?? 0 };
    if (options.timeLimitSec !== undefined) opts.time_limit = options.timeLimitSec;
    if (options.nodeLimit !== undefined) opts.mip_max_nodes = options.nodeLimit;
    if (options.mipRelGap !== undefined) opts.mip_rel_gap = options.mipRelGap;
    if (options.presolve !== undefined) opts.presolve = options.presolve ? 'on' : 'off';
    model.options.set(opts);
    const mipStartError = start ? setStart(model, m, start) : undefined;
    const callbacks = {};
    if (options.progress && m.integer) {
      let last = 0;
      const report = (event, force) => {
        const d = event.data;
        const t = d.running_time ?? 0;
        if (!force && t - last < 0.5) return undefined;
        last = t;
        parentPort.postMessage({
          id,
          progress: {
            incumbent: Number.isFinite(d.mip_primal_bound) && Math.abs(d.mip_primal_bound) < INF ? d.mip_primal_bound : undefined,
            bound: Number.isFinite(d.mip_dual_bound) && Math.abs(d.mip_dual_bound) < INF ? d.mip_dual_bound : undefined,
            gap: Number.isFinite(d.mip_gap) && d.mip_gap < INF ? d.mip_gap : undefined,
            timeSec: t,
            nodes: d.mip_node_count === undefined ? undefined : Number(d.mip_node_count),
          },
        });
        return undefined;
      };
      callbacks[4] = (e) => report(e, true);
      callbacks[6] = (e) => report(e, false);
    }
    model.run(callbacks);
    const status = model.getModelStatus();
    const info = (key) => {
      try {
        const v = model.info.get(key);
        return typeof v === 'bigint' ? Number(v) : v;
      } catch {
        return undefined;
      }
    };
    const hasPrimal = info('primal_solution_status') === 2;
    const out = {
      status,
      hasPrimal,
      objective: hasPrimal ? model.getObjectiveValue() : undefined,
      timeSec: model.getRunTime(),
      iterations: m.integer ? info('mip_total_lp_iterations') : info('simplex_iteration_count'),
      nodes: m.integer ? info('mip_node_count') : undefined,
      mipGap: m.integer ? info('mip_gap') : undefined,
      mipBound: m.integer ? info('mip_dual_bound') : undefined,
      mipStartError,
    };
    if (hasPrimal) {
      const sol = model.getSolution();
      out.colValue = sol.colValue;
      out.rowValue = sol.rowValue;
      const dualsValid = !m.integer && info('dual_solution_status') === 2;
      if (dualsValid) {
        out.colDual = sol.colDual;
        out.rowDual = sol.rowDual;
      } else if (m.integer && options.mipDuals) {
        fixIntegersAndResolve(model, m, sol.colValue, out);
      }
    }
    return out;
  } finally {
    model.dispose();
  }
}

// Duals of a MILP: the LP with every integer column fixed at its (rounded) value in the solution.
function fixIntegersAndResolve(model, m, colValue, out) {
  const idx = [];
  const val = [];
  for (let j = 0; j < m.numCols; j++) {
    if (m.integer[j]) {
      idx.push(j);
      val.push(Math.round(colValue[j]));
    }
  }
  model.changeColsBounds({ kind: 'set', indices: idx }, val, val);
  model.clearIntegrality();
  model.run();
  if (model.getModelStatus() === highs.constants.modelStatus.optimal) {
    const sol = model.getSolution();
    out.colDual = sol.colDual;
    out.rowDual = sol.rowDual;
    out.fixedLpObjective = model.getObjectiveValue();
  }
}
