// @ts-check
// EventBridge event pattern matching ("Event patterns" and "Content filtering" in the EventBridge user guide):
// every field of the pattern must match; a list of values matches when any one does (and an event list when any
// of its members does); nested objects match nested fields; content filters: prefix, suffix, anything-but,
// numeric, exists, equals-ignore-case, wildcard; `$or` between sub-patterns. A pattern field the event lacks
// matches only `{ "exists": false }`.
import { TemplateError } from './errors.mjs';

const MISSING = Symbol('missing');

/**
 * Whether `event` matches `pattern`. Throws TemplateError for a malformed pattern.
 * @param {Record<string, any>} pattern @param {Record<string, any>} event
 */
export function matchesPattern(pattern, event) {
  if (pattern === null || typeof pattern !== 'object' || Array.isArray(pattern)) throw new TemplateError('an event pattern must be a JSON object');
  return matchObject(pattern, event, 'EventPattern');
}

function matchObject(pattern, value, path) {
  return Object.entries(pattern).every(([key, expected]) => {
    if (key === '$or') {
      if (!Array.isArray(expected) || expected.length < 2) throw new TemplateError('$or takes a list of at least two patterns', path);
      return expected.some((alternative, index) => matchObject(alternative, value, `${path}.$or[${index}]`));
    }
    const field = value !== null && typeof value === 'object' && !Array.isArray(value) && key in value ? value[key] : MISSING;
    if (Array.isArray(expected)) return matchField(expected, field, `${path}.${key}`);
    if (expected !== null && typeof expected === 'object') return field !== MISSING && matchObject(expected, field, `${path}.${key}`);
    throw new TemplateError(`a pattern field must be a list of values or an object, got ${JSON.stringify(expected)}`, `${path}.${key}`);
  });
}

/** A leaf: the pattern's list against the event field (a scalar, a list of scalars, or missing). */
function matchField(expected, field, path) {
  const existence = expected.find((item) => item !== null && typeof item === 'object' && 'exists' in item);
  if (field === MISSING) return existence !== undefined && existence.exists === false;
  const values = Array.isArray(field) ? field : [field];
  return expected.some((item) => values.some((value) => matchValue(item, value, path)));
}

function matchValue(item, value, path) {
  if (item === null || typeof item !== 'object') return item === value;
  const [filter, ...rest] = Object.keys(item);
  if (rest.length > 0 || filter === undefined) throw new TemplateError(`a content filter has exactly one key, got ${JSON.stringify(item)}`, path);
  const argument = item[filter];
  switch (filter) {
    case 'prefix':
      return typeof value === 'string' && (typeof argument === 'string' ? value.startsWith(argument) : value.toLowerCase().startsWith(String(argument['equals-ignore-case']).toLowerCase()));
    case 'suffix':
      return typeof value === 'string' && (typeof argument === 'string' ? value.endsWith(argument) : value.toLowerCase().endsWith(String(argument['equals-ignore-case']).toLowerCase()));
    case 'equals-ignore-case':
      return typeof value === 'string' && value.toLowerCase() === String(argument).toLowerCase();
    case 'wildcard':
      return typeof value === 'string' && wildcard(String(argument)).test(value);
    case 'exists':
      return argument === true;
    case 'numeric':
      return typeof value === 'number' && numeric(argument, value, path);
    case 'anything-but':
      return anythingBut(argument, value, path);
    default:
      throw new TemplateError(`unsupported content filter ${filter}`, path);
  }
}

function anythingBut(argument, value, path) {
  if (Array.isArray(argument)) return !argument.includes(value);
  if (argument !== null && typeof argument === 'object') {
    if ('prefix' in argument) return typeof value === 'string' && !value.startsWith(argument.prefix);
    if ('suffix' in argument) return typeof value === 'string' && !value.endsWith(argument.suffix);
    if ('equals-ignore-case' in argument) {
      const excluded = [argument['equals-ignore-case']].flat().map((text) => String(text).toLowerCase());
      return typeof value === 'string' && !excluded.includes(value.toLowerCase());
    }
    throw new TemplateError(`unsupported anything-but filter ${JSON.stringify(argument)}`, path);
  }
  return value !== argument;
}

const COMPARISONS = { '<': (a, b) => a < b, '<=': (a, b) => a <= b, '=': (a, b) => a === b, '>': (a, b) => a > b, '>=': (a, b) => a >= b };

function numeric(argument, value, path) {
  if (!Array.isArray(argument) || argument.length === 0 || argument.length % 2 !== 0) throw new TemplateError('numeric takes operator/number pairs', path);
  for (let index = 0; index < argument.length; index += 2) {
    const compare = COMPARISONS[argument[index]];
    if (!compare || typeof argument[index + 1] !== 'number') throw new TemplateError(`numeric: bad comparison ${JSON.stringify(argument.slice(index, index + 2))}`, path);
    if (!compare(value, argument[index + 1])) return false;
  }
  return true;
}

function wildcard(pattern) {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${escaped}$`, 's');
}
