// The functions' environment for one scenario: the lab's variables, the drill's defaults and the scenario's
// settings. Durations the functions compare with the clock are scaled to the lab's time profile; durations that
// only describe the modelled world (the RTO budget's inputs) stay in model seconds (vocabulary.mjs).
import { CONFIGURATION_VARIABLES } from './vocabulary.mjs';

/** Defaults in model seconds (docs/contracts.md section 2) of the variables the drill sets itself. */
export const MODEL_DEFAULTS = {
  DR_COOLDOWN_SECONDS: 1800,
  DR_RTO_TARGET_SECONDS: 60,
  DR_RPO_TARGET_SECONDS: 0,
  DR_ORCHESTRATION_OVERHEAD_SECONDS: 5,
  DR_PROMOTION_TIMEOUT_SECONDS: 900,
  DR_PROPAGATION_TIMEOUT_SECONDS: 300,
  DR_FAILBACK_CHECK_INTERVAL_SECONDS: 300,
  DR_FAILBACK_BAKE_SECONDS: 300,
};

/**
 * Whole wall-clock seconds for a modelled duration, at least one unless zero: the same rounding the lab
 * applies to the variables it sets, since the functions read integer seconds.
 */
export function toWallSeconds(modelSeconds, timeScale) {
  return modelSeconds === 0 ? 0 : Math.max(1, Math.round(modelSeconds / timeScale));
}

/**
 * Returns `{ env, model }`: `env` the variables (strings) every function gets; `model` every duration the drill
 * knows in model seconds, which the report compares against (RTO and RPO targets).
 */
export function functionEnvironment(lab, scenario) {
  const observer = lab.regions[scenario.observer];
  const env = { ...lab.env };
  const model = { ...MODEL_DEFAULTS };
  // The lab states the modelled world's durations in its own wall clock; the budget's inputs go back to model seconds.
  for (const [name, kind] of Object.entries(CONFIGURATION_VARIABLES)) {
    if (kind === 'model' && name in lab.env) model[name] = Math.round(Number(lab.env[name]) * lab.timeScale);
  }
  Object.assign(model, scenario.configuration);
  for (const [name, value] of Object.entries(model)) env[name] = passedOn(name, value, lab.timeScale);
  env.AWS_REGION = observer;
  env.AWS_DEFAULT_REGION = observer;
  env.DR_STATE_MACHINE_ARN = lab.stateMachineArn('failover', observer);
  return { env, model };
}

function passedOn(name, value, timeScale) {
  return String(CONFIGURATION_VARIABLES[name] === 'wall' ? toWallSeconds(value, timeScale) : value);
}

/** The environment as dotenv lines (the emulator's --env-file), sorted for a stable file. */
export function toDotenv(env) {
  return Object.keys(env)
    .sort()
    .map((name) => `${name}=${env[name]}`)
    .join('\n')
    .concat('\n');
}
