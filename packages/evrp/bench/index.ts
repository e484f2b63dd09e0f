import type { Variant } from '../src/index';
import { benchLarge } from './large';
import { benchSmall } from './small';
import { list, log, parseArgs, writeResult } from './common';

// npm run bench -- [--part small,large] [--variants a,b,c,d] [--sets 5,10,15] [--methods enumeration,milp]
//                  [--cap 600] [--instances c101C5,r101_21] [--seconds 60] [--seeds 1,2,3]
// Defaults run the whole benchmark of issue 6 (hours on 2 cores); every option narrows it.
const args = parseArgs(process.argv.slice(2));
const parts = list(args, 'part', 'small,large');
const names = args.has('instances') ? list(args, 'instances', '') : undefined;
const started = new Date().toISOString();
const sections: string[] = [`# @gridhaul/evrp benchmark (${started})`, `Arguments: ${process.argv.slice(2).join(' ') || '(defaults)'}`];

const small = names?.filter((n) => !n.endsWith('_21'));
if (parts.includes('small') && (small === undefined || small.length > 0)) {
  sections.push(
    await benchSmall({
      sets: list(args, 'sets', '5,10,15'),
      variants: list(args, 'variants', 'a,b,c,d') as Variant[],
      methods: list(args, 'methods', 'enumeration,milp') as Array<'enumeration' | 'milp'>,
      capSec: Number(args.get('cap') ?? 600),
      ...(small === undefined ? {} : { names: small }),
    }),
  );
}
if (parts.includes('large')) {
  const large = names?.filter((n) => n.endsWith('_21'));
  if (large === undefined || large.length > 0) {
    sections.push(
      await benchLarge({
        seconds: Number(args.get('seconds') ?? 60),
        seeds: list(args, 'seeds', '1,2,3').map(Number),
        ...(large === undefined ? {} : { names: large }),
      }),
    );
  }
}
const text = `${sections.join('\n\n')}\n`;
process.stdout.write(text);
log(`written to ${writeResult(`evrp-${started.replace(/[:.]/g, '-')}.md`, text)}`);
process.exit(0);
