import { ConflictError, NotFoundError } from '../errors';
import { Prisma } from './generated/client';

/** Turns Prisma's constraint errors into the service's domain errors; rethrows anything else. */
export function translatePrismaError(error: unknown, entity: string, id = ''): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === 'P2025') throw new NotFoundError(entity, id);
    if (error.code === 'P2002') {
      const target = (error.meta?.['target'] as string[] | string | undefined) ?? 'a unique field';
      throw new ConflictError(`${entity}: another record already has this ${Array.isArray(target) ? target.join(', ') : target}`, { cause: error });
    }
    if (error.code === 'P2003') {
      throw new ConflictError(`${entity} ${JSON.stringify(id)} is referenced by other records (or refers to a missing one)`, { cause: error });
    }
  }
  throw error;
}

export async function guard<T>(entity: string, id: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    translatePrismaError(error, entity, id);
  }
}
