import { z } from 'zod';

export const id = z.string().trim().min(1).max(100);
export const byId = z.object({ id });
export const label = z.string().trim().min(1).max(200);
export const positive = z.number().positive();
export const nonNegative = z.number().nonnegative();
export const fraction = z.number().min(0).max(1);
export const efficiency = z.number().gt(0).max(1);
/** Largest file accepted as text (MATPOWER, GeoJSON, CSV), characters. */
export const MAX_FILE_CHARS = 20_000_000;
export const fileText = z.string().min(1).max(MAX_FILE_CHARS);
export const seed = z.number().int().min(0).max(2 ** 31 - 1);
export const timeLimitSec = z.number().positive().max(7 * 24 * 3600);

// Response schemas are strict: a field the handler returns but the schema omits fails loudly (tests)
// instead of vanishing from responses, and the OpenAPI document says `additionalProperties: false`.

/** An instant as ISO 8601 text in UTC, e.g. 2025-01-31T07:00:00.000Z. */
export const timestamp = z.iso.datetime();
/** What deleting something answers. */
export const deletedResult = z.strictObject({ id: z.string(), deleted: z.literal(true) });
/** A document returned as CSV text (header row, RFC 4180 quoting). */
export const csvText = z.string();
