// @ts-check
// The names scenarios may use, shared by validation, the lab client and the expectations.

export const ROLES = ['primary', 'secondary'];
export const MACHINES = ['failover', 'failback'];
export const DECISIONS = ['None', 'DrainSecondary', 'Switchover', 'Failover', 'Escalate', 'Abort'];
export const FINAL_STATUSES = ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];
export const PROMOTION_KINDS = ['Failover', 'Switchover'];
export const SEVERITIES = ['info', 'high', 'critical'];

/** The lab's fault kinds (tools/DrLab World/FaultKind.cs) and the fields each accepts besides kind/atSeconds/durationSeconds. */
export const FAULT_KINDS = {
  RegionOutage: ['region'],
  AppOutage: ['region'],
  DatabaseOutage: ['region'],
  Partition: [],
  Throttling: ['region', 'rate', 'service', 'operation'],
  ServerErrors: ['region', 'rate', 'service', 'operation'],
  SlowPromotion: ['factor'],
  StuckPromotion: [],
  SlowDnsPropagation: ['factor'],
  FlappingHealth: ['region', 'downSeconds', 'upSeconds'],
  ReplicationLag: ['lagMilliseconds'],
  Route53ApiUnreachable: [],
  WitnessUnreachable: [],
};

/**
 * Misconfigurations a scenario may inject (POST /_lab/misconfigurations), with their fields. Only those a lab reset
 * undoes: the deployed ones (subscriptions, alarms) would outlive the scenario.
 */
export const MISCONFIGURATION_KINDS = {
  DeleteHealthCheck: ['region'],
  DissociateHealthCheck: ['region'],
  DetachCluster: ['region'],
};

/** Faults that take a Region away (what starts the RTO clock). */
export const OUTAGE_KINDS = ['RegionOutage', 'AppOutage', 'DatabaseOutage', 'Partition', 'FlappingHealth'];

/**
 * Function variables a scenario may set (docs/contracts.md section 2), by how the drill passes them on:
 * - `wall`: durations the functions compare with the clock (timeouts, cooldown, failback pacing). Scenarios give
 *   them in model seconds; the functions get them scaled to the lab's wall clock.
 * - `model`: durations that only describe the modelled world — the inputs of the RTO budget and the targets it is
 *   compared with — and quantities measured in model units (the RPO lag). Passed as model seconds, so the budget
 *   HealthValidator computes is in AWS seconds whatever the profile.
 * - `wallExact`: durations the functions compare with the clock and read as decimal seconds (the scheduled probe's
 *   interval, duration and window): divided by the time scale without rounding, so 5 model seconds stay 5 model
 *   seconds in the fast profile instead of a whole wall second (30 model seconds).
 * - `value`: counts, lists and real network timeouts, passed as they are.
 */
export const CONFIGURATION_VARIABLES = {
  DR_QUORUM: 'value',
  DR_COOLDOWN_SECONDS: 'wall',
  DR_DATA_LOSS_BUDGET_SECONDS: 'model',
  DR_RTO_TARGET_SECONDS: 'model',
  DR_RPO_TARGET_SECONDS: 'model',
  DR_PROBE_ATTEMPTS: 'value',
  DR_PROBE_TIMEOUT_MS: 'value',
  DR_HEALTH_CHECK_INTERVAL_SECONDS: 'model',
  DR_HEALTH_CHECK_FAILURE_THRESHOLD: 'value',
  DR_ALARM_EVALUATION_SECONDS: 'model',
  DR_DNS_TTL_SECONDS: 'model',
  DR_PROMOTION_ESTIMATE_SECONDS: 'model',
  DR_SWITCHOVER_ESTIMATE_SECONDS: 'model',
  DR_PROPAGATION_ESTIMATE_SECONDS: 'model',
  DR_ORCHESTRATION_OVERHEAD_SECONDS: 'model',
  DR_ALIAS_RECORDS: 'value',
  DR_WRITER_REPOINT_ESTIMATE_SECONDS: 'model',
  DR_RECONNECT_ESTIMATE_SECONDS: 'model',
  DR_PROMOTION_TIMEOUT_SECONDS: 'wall',
  DR_PROMOTION_REPORTING_GRACE_SECONDS: 'wall',
  DR_PROPAGATION_TIMEOUT_SECONDS: 'wall',
  DR_PIN_RETRY_SECONDS: 'wall',
  DR_FAILBACK_CHECKS: 'value',
  DR_FAILBACK_CHECK_INTERVAL_SECONDS: 'wall',
  DR_FAILBACK_STEPS: 'value',
  DR_FAILBACK_BAKE_SECONDS: 'wall',
  DR_SOURCE_TIMEOUT_MS: 'value',
  DR_PRIMARY_EXTRA_SIGNALS: 'value',
  DR_SECONDARY_EXTRA_SIGNALS: 'value',
  // The probe alarm's shape, for the write floor (user-rto.mjs); passed unchanged, as before they were listed here.
  DR_WITNESS_REGION: 'value',
  DR_PROBE_ALARM_PERIOD_SECONDS: 'model',
  DR_PROBE_ALARM_DATAPOINTS_TO_ALARM: 'value',
  DR_PROBE_INTERVAL_SECONDS: 'wallExact',
  DR_PROBE_DURATION_SECONDS: 'wallExact',
  DR_PROBE_WINDOW_SECONDS: 'wallExact',
};

/** The variables whose durations the functions compare with the clock, scaled to the lab's wall clock. */
export const WALL_VARIABLES = Object.keys(CONFIGURATION_VARIABLES).filter((name) => CONFIGURATION_VARIABLES[name] === 'wall');

/** The decimal-seconds clock durations, scaled without rounding. */
export const EXACT_WALL_VARIABLES = Object.keys(CONFIGURATION_VARIABLES).filter((name) => CONFIGURATION_VARIABLES[name] === 'wallExact');

/** Template parameters of the failback machine a scenario may set (DefinitionSubstitutions). */
export const SUBSTITUTION_PARAMETERS = ['FailbackMaxChecks', 'RequireApproval', 'ApprovalTimeoutSeconds'];

/**
 * Template parameters that are durations the state machines wait on without a function variable (a Task's
 * TimeoutSeconds): scaled to the lab's wall clock like the `wall` variables; scenarios give them in model seconds.
 */
export const WALL_PARAMETERS = ['ApprovalTimeoutSeconds'];
