import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A deliberately small reader of prisma/schema.prisma, written apart from the migration SQL so a
 * test can compare the two: models, their scalar fields (columns) and unique constraints.
 */
export interface PrismaColumn {
  name: string;
  type: string;
  list: boolean;
  optional: boolean;
  autoincrement: boolean;
}

export interface PrismaModel {
  name: string;
  columns: PrismaColumn[];
  /** Column lists of @unique / @@unique / @id constraints. */
  uniques: string[][];
}

export const schemaPath = fileURLToPath(new URL('../../../../prisma/schema.prisma', import.meta.url));

const SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'DateTime', 'Json', 'BigInt', 'Decimal', 'Bytes']);

export function readPrismaModels(text = readFileSync(schemaPath, 'utf8')): PrismaModel[] {
  const models: PrismaModel[] = [];
  const blocks = text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm);
  for (const [, name, body] of blocks) {
    const model: PrismaModel = { name: name as string, columns: [], uniques: [] };
    for (const raw of (body as string).split('\n')) {
      const line = raw.replace(/\/\/.*$/, '').trim();
      if (!line) continue;
      const unique = /^@@(?:unique|id)\(\[([^\]]+)\]/.exec(line);
      if (unique) {
        model.uniques.push((unique[1] as string).split(',').map((s) => s.trim()));
        continue;
      }
      if (line.startsWith('@@')) continue;
      const field = /^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (!field) throw new Error(`cannot read line in model ${model.name}: ${line}`);
      const [, fieldName, type, list, optional, attributes] = field as unknown as [string, string, string, string, string, string];
      if (!SCALARS.has(type)) continue; // a relation field, not a column
      model.columns.push({
        name: fieldName,
        type,
        list: Boolean(list),
        optional: Boolean(optional),
        autoincrement: /@default\(autoincrement\(\)\)/.test(attributes),
      });
      if (/@(id|unique)\b/.test(attributes)) model.uniques.push([fieldName]);
    }
    models.push(model);
  }
  return models;
}
