/**
 * Base of every domain error: a stable `tag` that callers (and the API's error mapping) switch on,
 * never the message text.
 */
export class GridHaulError extends Error {
  constructor(
    readonly tag: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * Invalid input: names the field (a dotted path such as `vehicles[2].capacityKWh`, or
 * `file.csv:14`) and the offending value, so a user can fix it without reading code.
 */
export class InputError extends GridHaulError {
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly expected: string,
    options?: ErrorOptions,
  ) {
    super('INVALID_INPUT', `${field}: expected ${expected}, got ${formatValue(value)}`, options);
  }
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
