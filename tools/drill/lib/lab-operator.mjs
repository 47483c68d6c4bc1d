// @ts-check
// The principal `make lab` hands to an operator (drctl, the AWS CLI): a lab role whose policy is the template's
// operator policy, so that a command the policy does not allow is refused in the lab as it would be on AWS.

/**
 * The template's operator policy document, or undefined when the deployment has none.
 * The one place that knows where the template keeps it: an AWS::IAM::ManagedPolicy whose logical id starts with
 * `OperatorPolicy` (tools/stack collects managed policies into `deployment.managedPolicies`).
 * @param {any} deployment @returns {{ name: string, document: any } | undefined}
 */
export function operatorPolicy(deployment) {
  const policy = (deployment.managedPolicies ?? []).find((candidate) => String(candidate.logicalId).startsWith('OperatorPolicy'));
  return policy ? { name: policy.logicalId, document: policy.document } : undefined;
}

/** The operator role's ARN in the lab's account. @param {string} accountId */
export function operatorRoleArn(accountId) {
  return `arn:aws:iam::${accountId}:role/drlambdas-lab-operator`;
}

/**
 * The deployment's roles plus the operator role when the template has an operator policy (PUT /_lab/iam/roles
 * replaces every role, so it travels with the deployment's).
 * @param {any} deployment
 */
export function withOperatorRole(deployment) {
  const policy = operatorPolicy(deployment);
  if (!policy) return deployment;
  const role = { stack: 'lab', logicalId: 'LabOperator', name: 'drlambdas-lab-operator', arn: operatorRoleArn(deployment.accountId), trustedServices: [], policies: [policy] };
  return { ...deployment, roles: [...deployment.roles, role] };
}

/**
 * The operator's key pair: the operator role's when the template has an operator policy; otherwise the lab's
 * administrative identity (contract C1), which may do everything.
 * @param {import('./drill-deployment.mjs').ScenarioDeployment} stack @param {import('./lab-world.mjs').Credentials} admin
 * @returns {{ credentials: import('./lab-world.mjs').Credentials, principal: string }}
 */
export function operatorCredentials(stack, admin) {
  const arn = operatorRoleArn(stack.deployment.accountId);
  const keys = operatorPolicy(stack.deployment) ? stack.credentials[arn] : undefined;
  return keys ? { credentials: keys, principal: arn } : { credentials: admin, principal: 'the lab administrative identity (the template has no OperatorPolicy yet)' };
}
