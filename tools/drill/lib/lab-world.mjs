// @ts-check
// What the drill needs to know about the lab's world, read from its ready line (GET /_lab/config).
import { DrillSetupError } from './errors.mjs';

const REQUIRED = [
  'DR_PRIMARY_REGION', 'DR_SECONDARY_REGION', 'DR_PRIMARY_CLUSTER_ARN', 'DR_SECONDARY_CLUSTER_ARN',
  'DR_PRIMARY_SET_IDENTIFIER', 'DR_SECONDARY_SET_IDENTIFIER', 'DR_PRIMARY_HEALTH_CHECK_ID', 'DR_SECONDARY_HEALTH_CHECK_ID',
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY',
];

/** Normalises the lab's ready document; throws DrillSetupError naming what is missing. */
export function describeLab(ready) {
  const env = ready?.env ?? {};
  const missing = REQUIRED.filter((name) => !env[name]);
  if (!ready?.baseUrl || !(ready.timeScale > 0) || missing.length > 0) {
    throw new DrillSetupError(
      `the lab's ready document lacks ${[!ready?.baseUrl && 'baseUrl', !(ready?.timeScale > 0) && 'timeScale', ...missing].filter(Boolean).join(', ')}`,
    );
  }
  return {
    baseUrl: ready.baseUrl,
    profile: ready.profile,
    timeScale: ready.timeScale,
    env,
    accountId: env.DR_PRIMARY_CLUSTER_ARN.split(':')[4],
    /** The administrative identity (contract C1): what the drill itself uses as an operator and to deploy. */
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
    regions: { primary: env.DR_PRIMARY_REGION, secondary: env.DR_SECONDARY_REGION },
    clusterArns: { primary: env.DR_PRIMARY_CLUSTER_ARN, secondary: env.DR_SECONDARY_CLUSTER_ARN },
    setIdentifiers: { primary: env.DR_PRIMARY_SET_IDENTIFIER, secondary: env.DR_SECONDARY_SET_IDENTIFIER },
  };
}

/** The role ('primary' | 'secondary') of a Region name, or undefined. */
export function roleOf(lab, region) {
  return Object.keys(lab.regions).find((role) => lab.regions[role] === region);
}
