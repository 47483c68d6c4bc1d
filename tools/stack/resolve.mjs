// @ts-check
// Resolves a CloudFormation template (the SAM translator's output) for given parameter values, as CloudFormation
// does when it creates the stack: parameters (typed, defaults, constraints), pseudo parameters, Rules, Conditions,
// and the intrinsic functions Ref, Fn::GetAtt, Fn::Sub, Fn::Join, Fn::Split, Fn::Select, Fn::FindInMap, Fn::If,
// Fn::Equals/Not/And/Or, with AWS::NoValue removed. Anything else is an UnknownIntrinsicError.
import { ParameterError, RuleAssertionError, TemplateError, UnknownIntrinsicError } from './errors.mjs';
import { generatedName, typeSpec } from './resource-types.mjs';

/** What `Ref: AWS::NoValue` (or an `Fn::If` choosing it) resolves to before it is removed. */
export const NO_VALUE = Symbol('AWS::NoValue');

const PSEUDO = ['AWS::Region', 'AWS::AccountId', 'AWS::Partition', 'AWS::StackName', 'AWS::StackId', 'AWS::URLSuffix', 'AWS::NoValue', 'AWS::NotificationARNs'];
const CONDITION_FUNCTIONS = new Set(['Fn::Equals', 'Fn::Not', 'Fn::And', 'Fn::Or', 'Condition']);
const LIST_TYPES = new Set(['CommaDelimitedList', 'List<Number>', 'List<String>']);

/**
 * @typedef {string | string[]} ParameterValue
 * `physicalIds`: the ids the service assigned to resources created before this resolution (logical id → id), for the
 * types whose Ref only exists once created (a Route 53 health check's id).
 * @typedef {{ parameters?: Record<string, unknown>, uncheckedParameters?: string[], region: string, accountId: string, stackName: string, partition?: string, urlSuffix?: string, physicalIds?: Record<string, string> }} ResolveOptions
 * @typedef {{ logicalId: string, type: string, name: string, ref: string, properties: any, metadata?: any, attribute: (name: string) => string }} ResolvedResource
 * @typedef {{
 *   stackName: string, region: string, accountId: string, partition: string,
 *   parameters: Record<string, ParameterValue>, conditions: Record<string, boolean>,
 *   resources: Record<string, ResolvedResource>, outputs: Record<string, unknown>,
 * }} ResolvedStack
 */

/** Whether `value` is a one-key object naming an intrinsic function (`Ref`, `Fn::…`). */
export function intrinsicName(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  return keys[0] === 'Ref' || keys[0].startsWith('Fn::') ? keys[0] : undefined;
}

/** A parameter value as CloudFormation passes it on: Number → string, lists → arrays of space-trimmed strings. */
function typedValue(name, declaration, raw) {
  const type = declaration.Type;
  if (typeof type !== 'string') throw new ParameterError('declares no Type', name);
  if (type.startsWith('AWS::SSM::')) throw new ParameterError(`type ${type} needs Systems Manager, which the lab does not model`, name);
  if (LIST_TYPES.has(type) || (type.startsWith('List<') && type.endsWith('>'))) {
    const list = Array.isArray(raw) ? raw.map(String) : String(raw).split(',');
    return list.map((item) => item.trim());
  }
  if (Array.isArray(raw) || (raw !== null && typeof raw === 'object')) throw new ParameterError(`a ${type} parameter takes a string, got ${JSON.stringify(raw)}`, name);
  return String(raw);
}

/** Checks AllowedValues, AllowedPattern, Min/MaxLength, Min/MaxValue (each list member for list types). */
function checkConstraints(name, declaration, value) {
  const members = Array.isArray(value) ? value : [value];
  const isNumber = declaration.Type === 'Number' || declaration.Type === 'List<Number>';
  for (const member of members) {
    if (isNumber && (member.trim() === '' || !Number.isFinite(Number(member)))) throw new ParameterError(`'${member}' is not a number`, name);
    if (declaration.AllowedValues && !declaration.AllowedValues.map(String).includes(member)) {
      throw new ParameterError(`'${member}' is not one of the AllowedValues ${declaration.AllowedValues.join(', ')}`, name);
    }
    if (declaration.AllowedPattern !== undefined && !Array.isArray(value) && !new RegExp(`^(?:${declaration.AllowedPattern})$`).test(member)) {
      throw new ParameterError(`'${member}' does not match the AllowedPattern ${declaration.AllowedPattern}`, name);
    }
    if (declaration.MinLength !== undefined && member.length < Number(declaration.MinLength)) throw new ParameterError(`'${member}' is shorter than MinLength ${declaration.MinLength}`, name);
    if (declaration.MaxLength !== undefined && member.length > Number(declaration.MaxLength)) throw new ParameterError(`'${member}' is longer than MaxLength ${declaration.MaxLength}`, name);
    if (isNumber && declaration.MinValue !== undefined && Number(member) < Number(declaration.MinValue)) throw new ParameterError(`${member} is below MinValue ${declaration.MinValue}`, name);
    if (isNumber && declaration.MaxValue !== undefined && Number(member) > Number(declaration.MaxValue)) throw new ParameterError(`${member} is above MaxValue ${declaration.MaxValue}`, name);
  }
}

/**
 * The stack's parameter values: given values (every one must be declared) over the declared defaults; a
 * parameter without either is a ParameterError, as CloudFormation refuses to create the stack.
 * `unchecked` names parameters whose constraints were checked elsewhere (the lab's time-scaled stand-ins for
 * durations that were checked in model seconds).
 * @param {Record<string, any>} declarations @param {Record<string, unknown>} given @param {string[]} [unchecked]
 * @returns {Record<string, ParameterValue>}
 */
export function parameterValues(declarations, given, unchecked = []) {
  for (const name of Object.keys(given)) {
    if (!(name in declarations)) {
      throw new ParameterError(`is given a value but the template does not declare it (declared: ${Object.keys(declarations).join(', ')})`, name);
    }
  }
  /** @type {Record<string, ParameterValue>} */
  const values = {};
  for (const [name, declaration] of Object.entries(declarations)) {
    const raw = name in given ? given[name] : declaration.Default;
    if (raw === undefined) throw new ParameterError('has no value and no Default', name);
    const value = typedValue(name, declaration, raw);
    if (!unchecked.includes(name)) checkConstraints(name, declaration, value);
    values[name] = value;
  }
  return values;
}

/** Resolves `template` for `options` (see ResolveOptions); throws TemplateError and its subclasses. */
export function resolveTemplate(template, options) {
  return new Resolver(template, options).resolve();
}

class Resolver {
  /** @param {any} template @param {ResolveOptions} options */
  constructor(template, options) {
    this.template = template;
    this.env = {
      region: options.region,
      accountId: options.accountId,
      partition: options.partition ?? 'aws',
      stackName: options.stackName,
      urlSuffix: options.urlSuffix ?? 'amazonaws.com',
      physicalIds: options.physicalIds ?? {},
    };
    this.declaredResources = template.Resources ?? {};
    this.parameters = parameterValues(template.Parameters ?? {}, options.parameters ?? {}, options.uncheckedParameters);
    /** @type {Record<string, boolean>} */
    this.conditions = {};
    this.evaluating = new Set();
    /** @type {Map<string, string>} */
    this.names = new Map();
  }

  /** @returns {ResolvedStack} */
  resolve() {
    this.checkRules();
    for (const name of Object.keys(this.template.Conditions ?? {})) this.condition(name, `Conditions.${name}`);
    /** @type {Record<string, ResolvedResource>} */
    const resources = {};
    for (const [logicalId, resource] of Object.entries(this.declaredResources)) {
      if (!this.exists(logicalId)) continue;
      const path = `Resources.${logicalId}`;
      const properties = this.value(resource.Properties ?? {}, `${path}.Properties`);
      resources[logicalId] = {
        logicalId,
        type: resource.Type,
        name: this.physicalName(logicalId, path),
        ref: this.ref(logicalId, path),
        properties: properties === NO_VALUE ? {} : properties,
        metadata: resource.Metadata,
        attribute: (attribute) => this.getAtt(logicalId, attribute, path),
      };
    }
    /** @type {Record<string, unknown>} */
    const outputs = {};
    for (const [name, output] of Object.entries(this.template.Outputs ?? {})) {
      const path = `Outputs.${name}`;
      if (output.Condition !== undefined && !this.condition(output.Condition, `${path}.Condition`)) continue;
      const value = this.value(output.Value, `${path}.Value`);
      if (value !== NO_VALUE) outputs[name] = value;
    }
    return { ...this.env, parameters: this.parameters, conditions: this.conditions, resources, outputs };
  }

  /** Rules: for each rule whose RuleCondition holds (or has none), every Assert must be true. */
  checkRules() {
    for (const [rule, definition] of Object.entries(this.template.Rules ?? {})) {
      const path = `Rules.${rule}`;
      if (definition.RuleCondition !== undefined && !this.ruleValue(definition.RuleCondition, `${path}.RuleCondition`)) continue;
      for (const [index, assertion] of (definition.Assertions ?? []).entries()) {
        if (this.ruleValue(assertion.Assert, `${path}.Assertions[${index}].Assert`) !== true) {
          throw new RuleAssertionError(rule, assertion.AssertDescription ?? `assertion ${index + 1} is false`);
        }
      }
    }
  }

  /** A rule expression: the condition functions, Fn::Contains / Fn::EachMemberEquals / Fn::EachMemberIn, Ref. */
  ruleValue(expression, path) {
    const name = intrinsicName(expression);
    const args = name ? expression[name] : undefined;
    switch (name) {
      case 'Fn::Contains': {
        const [list, value] = this.arity(args, 2, name, path).map((arg, i) => this.ruleValue(arg, `${path}.${name}[${i}]`));
        return asList(list, path).includes(value);
      }
      case 'Fn::EachMemberEquals': {
        const [list, value] = this.arity(args, 2, name, path).map((arg, i) => this.ruleValue(arg, `${path}.${name}[${i}]`));
        return asList(list, path).every((member) => member === value);
      }
      case 'Fn::EachMemberIn': {
        const [list, allowed] = this.arity(args, 2, name, path).map((arg, i) => this.ruleValue(arg, `${path}.${name}[${i}]`));
        return asList(list, path).every((member) => asList(allowed, path).includes(member));
      }
      case 'Fn::Equals':
        return scalarText(this.ruleValue(this.arity(args, 2, name, path)[0], `${path}.${name}[0]`)) === scalarText(this.ruleValue(args[1], `${path}.${name}[1]`));
      case 'Fn::Not':
        return !this.truth(this.ruleValue(this.arity(args, 1, name, path)[0], `${path}.${name}[0]`), path);
      case 'Fn::And':
        return this.between(args, name, path).every((arg, i) => this.truth(this.ruleValue(arg, `${path}.${name}[${i}]`), path));
      case 'Fn::Or':
        return this.between(args, name, path).some((arg, i) => this.truth(this.ruleValue(arg, `${path}.${name}[${i}]`), path));
      case 'Ref':
        if (args in this.declaredResources) throw new TemplateError(`a rule cannot refer to the resource ${args}`, path);
        return this.value(expression, path);
      case undefined:
        return Array.isArray(expression) ? expression.map((item, i) => this.ruleValue(item, `${path}[${i}]`)) : expression;
      default:
        if (name === 'Fn::ValueOf' || name === 'Fn::ValueOfAll' || name === 'Fn::RefAll') throw new UnknownIntrinsicError(name, path);
        return this.value(expression, path);
    }
  }

  arity(args, count, name, path) {
    if (!Array.isArray(args) || args.length !== count) throw new TemplateError(`${name} takes ${count} argument(s), got ${JSON.stringify(args)}`, path);
    return args;
  }

  between(args, name, path) {
    if (!Array.isArray(args) || args.length < 2 || args.length > 10) throw new TemplateError(`${name} takes 2 to 10 conditions`, path);
    return args;
  }

  truth(value, path) {
    if (typeof value !== 'boolean') throw new TemplateError(`expected a condition (true or false), got ${JSON.stringify(value)}`, path);
    return value;
  }

  /** A named condition of the Conditions section, evaluated once. */
  condition(name, path) {
    if (typeof name !== 'string') throw new TemplateError(`a condition name must be a string, got ${JSON.stringify(name)}`, path);
    if (name in this.conditions) return this.conditions[name];
    const definition = this.template.Conditions?.[name];
    if (definition === undefined) throw new TemplateError(`condition ${name} is not declared in Conditions`, path);
    if (this.evaluating.has(`condition:${name}`)) throw new TemplateError(`condition ${name} refers to itself`, path);
    this.evaluating.add(`condition:${name}`);
    const value = this.conditionValue(definition, `Conditions.${name}`);
    this.evaluating.delete(`condition:${name}`);
    this.conditions[name] = value;
    return value;
  }

  /** A condition expression (Fn::Equals/Not/And/Or, `{ Condition: name }`). */
  conditionValue(expression, path) {
    const keys = expression !== null && typeof expression === 'object' && !Array.isArray(expression) ? Object.keys(expression) : [];
    if (keys.length !== 1 || !CONDITION_FUNCTIONS.has(keys[0])) {
      throw new TemplateError(`a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition, got ${JSON.stringify(expression)}`, path);
    }
    const [name] = keys;
    const args = expression[name];
    switch (name) {
      case 'Condition':
        return this.condition(args, path);
      case 'Fn::Equals': {
        const [left, right] = this.arity(args, 2, name, path).map((arg, i) => this.conditionOperand(arg, `${path}.${name}[${i}]`));
        return scalarText(left) === scalarText(right);
      }
      case 'Fn::Not':
        return !this.conditionValue(this.arity(args, 1, name, path)[0], `${path}.${name}[0]`);
      case 'Fn::And':
        return this.between(args, name, path).every((arg, i) => this.conditionValue(arg, `${path}.${name}[${i}]`));
      default:
        return this.between(args, name, path).some((arg, i) => this.conditionValue(arg, `${path}.${name}[${i}]`));
    }
  }

  /** An operand of Fn::Equals in a condition: parameters and pseudo parameters only, never resources. */
  conditionOperand(operand, path) {
    if (intrinsicName(operand) === 'Ref' && operand.Ref in this.declaredResources) {
      throw new TemplateError(`a condition cannot refer to the resource ${operand.Ref}`, path);
    }
    if (intrinsicName(operand) === 'Fn::GetAtt') throw new TemplateError('a condition cannot use Fn::GetAtt', path);
    return this.value(operand, path);
  }

  /** Whether a resource is created: no Condition, or its Condition is true. */
  exists(logicalId) {
    const condition = this.declaredResources[logicalId]?.Condition;
    return condition === undefined || this.condition(condition, `Resources.${logicalId}.Condition`);
  }

  /** A resource that must exist for a reference to it. */
  referenced(logicalId, path) {
    const resource = this.declaredResources[logicalId];
    if (!resource) throw new TemplateError(`${logicalId} is not a parameter, pseudo parameter or resource of this template`, path);
    if (!this.exists(logicalId)) {
      throw new TemplateError(`${logicalId} is not created (its condition ${resource.Condition} is false) but is referenced`, path);
    }
    return resource;
  }

  /** The physical name: the type's name property as written, or the one CloudFormation generates. */
  physicalName(logicalId, path) {
    if (this.names.has(logicalId)) return /** @type {string} */ (this.names.get(logicalId));
    const resource = this.referenced(logicalId, path);
    const spec = typeSpec(resource.Type, `Resources.${logicalId}`);
    const key = `name:${logicalId}`;
    if (this.evaluating.has(key)) throw new TemplateError(`the name of ${logicalId} depends on itself`, path);
    this.evaluating.add(key);
    const written = spec.nameProperty ? resource.Properties?.[spec.nameProperty] : undefined;
    const resolved = written === undefined ? undefined : this.value(written, `Resources.${logicalId}.Properties.${spec.nameProperty}`);
    this.evaluating.delete(key);
    const name = resolved === undefined || resolved === NO_VALUE ? generatedName(this.env, logicalId, spec.maxLength) : scalarText(resolved);
    this.names.set(logicalId, name);
    return name;
  }

  named(logicalId, path) {
    return { name: this.physicalName(logicalId, path), logicalId, env: this.env };
  }

  ref(name, path) {
    if (typeof name !== 'string') throw new TemplateError(`Ref takes a name, got ${JSON.stringify(name)}`, path);
    if (name in this.parameters) return this.parameters[name];
    if (name.startsWith('AWS::')) return this.pseudo(name, path);
    const resource = this.referenced(name, path);
    return typeSpec(resource.Type, `Resources.${name}`).ref(this.named(name, path));
  }

  pseudo(name, path) {
    switch (name) {
      case 'AWS::Region': return this.env.region;
      case 'AWS::AccountId': return this.env.accountId;
      case 'AWS::Partition': return this.env.partition;
      case 'AWS::StackName': return this.env.stackName;
      case 'AWS::URLSuffix': return this.env.urlSuffix;
      case 'AWS::StackId': return `arn:${this.env.partition}:cloudformation:${this.env.region}:${this.env.accountId}:stack/${this.env.stackName}/00000000-0000-4000-8000-000000000000`;
      case 'AWS::NotificationARNs': return [];
      case 'AWS::NoValue': return NO_VALUE;
      default: throw new TemplateError(`unknown pseudo parameter ${name} (known: ${PSEUDO.join(', ')})`, path);
    }
  }

  getAtt(logicalId, attribute, path) {
    const resource = this.referenced(logicalId, path);
    const spec = typeSpec(resource.Type, `Resources.${logicalId}`);
    const read = spec.attributes[attribute];
    if (!read) throw new TemplateError(`${resource.Type} ${logicalId} has no attribute ${attribute} modelled (known: ${Object.keys(spec.attributes).join(', ') || 'none'})`, path);
    return read(this.named(logicalId, path));
  }

  /** Resolves any template value; NO_VALUE members and properties are removed. */
  value(node, path) {
    if (Array.isArray(node)) {
      return node.map((item, i) => this.value(item, `${path}[${i}]`)).filter((item) => item !== NO_VALUE);
    }
    if (node === null || typeof node !== 'object') return node;
    const name = intrinsicName(node);
    if (name) return this.intrinsic(name, node[name], `${path}.${name}`);
    /** @type {Record<string, unknown>} */
    const object = {};
    for (const [key, child] of Object.entries(node)) {
      const resolved = this.value(child, `${path}.${key}`);
      if (resolved !== NO_VALUE) object[key] = resolved;
    }
    return object;
  }

  intrinsic(name, args, path) {
    switch (name) {
      case 'Ref':
        return this.ref(args, path);
      case 'Fn::GetAtt': {
        const [logicalId, attribute] = typeof args === 'string' ? splitOnce(args, '.') : Array.isArray(args) ? args.map((arg) => this.value(arg, path)) : [];
        if (typeof logicalId !== 'string' || typeof attribute !== 'string') throw new TemplateError(`Fn::GetAtt takes [LogicalId, Attribute] or "LogicalId.Attribute", got ${JSON.stringify(args)}`, path);
        return this.getAtt(logicalId, attribute, path);
      }
      case 'Fn::Sub':
        return this.sub(args, path);
      case 'Fn::Join': {
        const [delimiter, list] = this.arity(args, 2, name, path);
        if (typeof delimiter !== 'string') throw new TemplateError('the Fn::Join delimiter must be a literal string', path);
        return asList(this.value(list, `${path}[1]`), path).map((item) => scalarText(item, path)).join(delimiter);
      }
      case 'Fn::Split': {
        const [delimiter, source] = this.arity(args, 2, name, path);
        if (typeof delimiter !== 'string' || delimiter === '') throw new TemplateError('the Fn::Split delimiter must be a non-empty literal string', path);
        return scalarText(this.value(source, `${path}[1]`), path).split(delimiter);
      }
      case 'Fn::Select': {
        const [index, list] = this.arity(args, 2, name, path);
        const items = asList(this.value(list, `${path}[1]`), path);
        const at = Number(this.value(index, `${path}[0]`));
        if (!Number.isInteger(at) || at < 0 || at >= items.length) throw new TemplateError(`Fn::Select index ${at} is outside the list of ${items.length}`, path);
        return items[at];
      }
      case 'Fn::FindInMap': {
        const [map, top, second] = this.arity(args, 3, name, path).map((arg, i) => scalarText(this.value(arg, `${path}[${i}]`), path));
        const found = this.template.Mappings?.[map]?.[top]?.[second];
        if (found === undefined) throw new TemplateError(`Fn::FindInMap: Mappings.${map}.${top}.${second} does not exist`, path);
        return found;
      }
      case 'Fn::If': {
        const [condition, whenTrue, whenFalse] = this.arity(args, 3, name, path);
        return this.condition(condition, `${path}[0]`) ? this.value(whenTrue, `${path}[1]`) : this.value(whenFalse, `${path}[2]`);
      }
      case 'Fn::Equals':
      case 'Fn::Not':
      case 'Fn::And':
      case 'Fn::Or':
        return this.conditionValue({ [name]: args }, path);
      default:
        throw new UnknownIntrinsicError(name, path);
    }
  }

  /** Fn::Sub, string or [string, variables]: `${Name}`, `${Logical.Attribute}`, `${!Literal}`. */
  sub(args, path) {
    const [text, variables] = typeof args === 'string' ? [args, {}] : Array.isArray(args) && args.length === 2 ? args : [undefined, undefined];
    if (typeof text !== 'string' || variables === null || typeof variables !== 'object' || Array.isArray(variables)) {
      throw new TemplateError(`Fn::Sub takes a string or [string, { variables }], got ${JSON.stringify(args)}`, path);
    }
    /** @type {Record<string, unknown>} */
    const resolvedVariables = {};
    for (const [name, value] of Object.entries(variables)) resolvedVariables[name] = this.value(value, `${path}[1].${name}`);
    return text.replace(/\$\{([^}]*)\}/g, (whole, inner) => {
      if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
      const name = inner.trim();
      if (name in resolvedVariables) return scalarText(resolvedVariables[name], path);
      if (name.includes('.') && !name.startsWith('AWS::')) {
        const [logicalId, attribute] = splitOnce(name, '.');
        return this.getAtt(logicalId, attribute, path);
      }
      const value = this.ref(name, path);
      if (Array.isArray(value)) throw new TemplateError(`Fn::Sub cannot insert the list parameter ${name}`, path);
      if (value === NO_VALUE) throw new TemplateError('Fn::Sub cannot insert AWS::NoValue', path);
      return scalarText(value, path);
    });
  }
}

function splitOnce(text, separator) {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function asList(value, path) {
  if (!Array.isArray(value)) throw new TemplateError(`expected a list, got ${JSON.stringify(value)}`, path);
  return value;
}

/** A scalar as CloudFormation compares and joins it: strings as they are, numbers and booleans as text. */
function scalarText(value, path) {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new TemplateError(`expected a string, got ${value === NO_VALUE ? 'AWS::NoValue' : JSON.stringify(value)}`, path);
}
