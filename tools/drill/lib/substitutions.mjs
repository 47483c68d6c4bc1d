// DefinitionSubstitutions for running the state machines against the lab, as template.yaml sets them on AWS.

export const DEFAULT_FAILBACK_MAX_CHECKS = 12;

/** The substitutions for machines running in `region`, the functions' environment `env` and the scenario's settings. */
export function definitionSubstitutions(lab, env, scenario, region) {
  const functionArn = (name) => `arn:aws:lambda:${region}:${lab.accountId}:function:${name}`;
  return {
    HealthValidatorFunctionArn: functionArn('HealthValidator'),
    AuroraPromoterFunctionArn: functionArn('AuroraPromoter'),
    DnsUpdaterFunctionArn: functionArn('DnsUpdater'),
    AlertTopicArn: lab.topicArns[region] ?? `arn:aws:sns:${region}:${lab.accountId}:dr-notifications`,
    PrimaryRegion: lab.regions.primary,
    PrimaryClusterArn: lab.clusterArns.primary,
    // Already scaled to the lab's time base, like every duration in `env`.
    FailbackCheckIntervalSeconds: env.DR_FAILBACK_CHECK_INTERVAL_SECONDS,
    FailbackMaxChecks: scenario.substitutions.FailbackMaxChecks ?? DEFAULT_FAILBACK_MAX_CHECKS,
  };
}
