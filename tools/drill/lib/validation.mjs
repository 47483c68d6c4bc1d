// @ts-check
// A tiny collector of validation problems, each prefixed with the JSON path of the offending field.

export function typeOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function isPlainObject(value) {
  return typeOf(value) === 'object';
}

/** Collects problems while walking a document; `at(path)` gives a child collector for a nested field. */
export class Problems {
  constructor(path = '', list = []) {
    this.path = path;
    this.list = list;
  }

  at(key) {
    const path = typeof key === 'number' ? `${this.path}[${key}]` : this.path ? `${this.path}.${key}` : key;
    return new Problems(path, this.list);
  }

  add(message) {
    this.list.push(this.path ? `${this.path}: ${message}` : message);
    return undefined;
  }

  get count() {
    return this.list.length;
  }

  /** The object, or a problem when it is not a JSON object. */
  object(value) {
    return isPlainObject(value) ? value : this.add(`must be an object, got ${typeOf(value)}`);
  }

  /** Reports every key of `value` not in `allowed`. */
  onlyKeys(value, allowed) {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.at(key).add(`unknown field (allowed: ${allowed.join(', ')})`);
    }
  }

  /** @param {unknown} value @param {{ pattern?: RegExp, optional?: boolean }} [options] */
  string(value, { pattern, optional = false } = {}) {
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'string' || value.length === 0) return this.add(`must be a non-empty string, got ${typeOf(value)}`);
    if (pattern && !pattern.test(value)) return this.add(`'${value}' does not match ${pattern}`);
    return value;
  }

  /** @param {unknown} value @param {{ min?: number, max?: number, integer?: boolean, optional?: boolean }} [options] */
  number(value, { min, max, integer = false, optional = false } = {}) {
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.add(`must be a number, got ${typeOf(value)}`);
    if (integer && !Number.isInteger(value)) return this.add(`must be an integer, got ${value}`);
    if (min !== undefined && value < min) return this.add(`must be at least ${min}, got ${value}`);
    if (max !== undefined && value > max) return this.add(`must be at most ${max}, got ${value}`);
    return value;
  }

  boolean(value, { optional = false } = {}) {
    if (value === undefined && optional) return undefined;
    return typeof value === 'boolean' ? value : this.add(`must be true or false, got ${typeOf(value)}`);
  }

  oneOf(value, allowed, { optional = false } = {}) {
    if (value === undefined && optional) return undefined;
    return allowed.includes(value) ? value : this.add(`must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }

  array(value, { minLength = 0, optional = false } = {}) {
    if (value === undefined && optional) return undefined;
    if (!Array.isArray(value)) return this.add(`must be an array, got ${typeOf(value)}`);
    if (value.length < minLength) return this.add(`must have at least ${minLength} item(s)`);
    return value;
  }
}
