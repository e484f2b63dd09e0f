import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseInstance, type EvrpInstance } from '../instance';

const DATA = fileURLToPath(new URL('../../test/data/evrptw/', import.meta.url));

/** Reads a file of the copied Schneider et al. (2014) set, e.g. `c101C5` or `r101_21`. */
export function loadInstance(name: string): EvrpInstance {
  return parseInstance(readFileSync(`${DATA}schneider/${name}.txt`, 'utf8'), name);
}

/** Names of all copied instance files, without `.txt`. */
export function listInstances(): string[] {
  return readdirSync(`${DATA}schneider`).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
}

export function readReference(file: string): string {
  return readFileSync(`${DATA}reference/${file}`, 'utf8');
}

export const SMALL_INSTANCES = {
  5: ['c101C5', 'c103C5', 'c206C5', 'c208C5', 'r104C5', 'r105C5', 'r202C5', 'r203C5', 'rc105C5', 'rc108C5', 'rc204C5', 'rc208C5'],
  10: ['c101C10', 'c104C10', 'c202C10', 'c205C10', 'r102C10', 'r103C10', 'r201C10', 'r203C10', 'rc102C10', 'rc108C10', 'rc201C10', 'rc205C10'],
  15: ['c103C15', 'c106C15', 'c202C15', 'c208C15', 'r102C15', 'r105C15', 'r202C15', 'r209C15', 'rc103C15', 'rc108C15', 'rc202C15', 'rc204C15'],
} as const;
