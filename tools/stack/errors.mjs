// @ts-check
// Typed errors of the template deployment: bad parameters, intrinsics the resolver does not know, failed Rules.

/** A template that cannot be resolved or deployed as written (CloudFormation would refuse it too). */
export class TemplateError extends Error {
  /** @param {string} message @param {string} [path] where in the template, e.g. `Resources.X.Properties.Y` */
  constructor(message, path) {
    super(path ? `${path}: ${message}` : message);
    this.name = 'TemplateError';
    this.path = path;
  }
}

/** An intrinsic function (or rule function) the resolver does not implement. */
export class UnknownIntrinsicError extends TemplateError {
  /** @param {string} intrinsic @param {string} [path] */
  constructor(intrinsic, path) {
    super(`unsupported intrinsic function ${intrinsic}`, path);
    this.name = 'UnknownIntrinsicError';
    this.intrinsic = intrinsic;
  }
}

/** A parameter value missing, undeclared or outside its constraints. */
export class ParameterError extends TemplateError {
  /** @param {string} message @param {string} parameter */
  constructor(message, parameter) {
    super(message, `Parameters.${parameter}`);
    this.name = 'ParameterError';
    this.parameter = parameter;
  }
}

/** A template Rules assertion that does not hold: CloudFormation refuses to create the stack. */
export class RuleAssertionError extends TemplateError {
  /** @param {string} rule @param {string} description */
  constructor(rule, description) {
    super(`rule ${rule} failed: ${description}`, `Rules.${rule}`);
    this.name = 'RuleAssertionError';
    this.rule = rule;
  }
}

/** The lab refused or lacks a deployment call (C1/C2). */
export class DeploymentError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'DeploymentError';
  }
}
