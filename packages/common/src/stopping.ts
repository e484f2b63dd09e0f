/** Stopping criteria for iterative searches: small objects, combined with `anyOf`. */
export interface StoppingCriterion {
  /** Called once per iteration with whether the incumbent improved; true means stop. */
  shouldStop(improved: boolean): boolean;
  readonly description: string;
}

export function maxIterations(n: number): StoppingCriterion {
  let i = 0;
  return { description: `${n} iterations`, shouldStop: () => ++i >= n };
}

export function maxSeconds(seconds: number, now: () => number = () => performance.now()): StoppingCriterion {
  const end = now() + seconds * 1000;
  return { description: `${seconds} s`, shouldStop: () => now() >= end };
}

export function noImprovement(n: number): StoppingCriterion {
  let since = 0;
  return {
    description: `${n} iterations without improvement`,
    shouldStop: (improved) => {
      since = improved ? 0 : since + 1;
      return since >= n;
    },
  };
}

export function anyOf(...criteria: StoppingCriterion[]): StoppingCriterion {
  return {
    description: criteria.map((c) => c.description).join(' or '),
    shouldStop: (improved) => criteria.map((c) => c.shouldStop(improved)).some(Boolean),
  };
}
