// @ts-check
// What the drill needs to know about the lab's world, read from its ready line (GET /_lab/config).
import { DrillSetupError } from './errors.mjs';

const REQUIRED = [
  'DR_PRIMARY_REGION', 'DR_SECONDARY_REGION', 'DR_PRIMARY_CLUSTER_ARN', 'DR_SECONDARY_CLUSTER_ARN',
  'DR_PRIMARY_SET_IDENTIFIER', 'DR_SECONDARY_SET_IDENTIFIER', 'DR_PRIMARY_HEALTH_CHECK_ID', 'DR_SECONDARY_HEALTH_CHECK_ID',
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY',
];

/**
 * @typedef {'primary' | 'secondary'} Role
 * @typedef {{ accessKeyId: string, secretAccessKey: string }} Credentials
 */

/**
 * The lab as the drill sees it (describeLab): where it listens, how fast its world runs, and the world's names.
 * @typedef {object} LabDescription
 * @property {string} baseUrl
 * @property {string} profile the lab's time profile (fast, realistic...)
 * @property {number} timeScale how many times faster than AWS the lab's world runs
 * @property {number} metricIngestionDelaySeconds model seconds before a CloudWatch datapoint is visible to alarms
 * @property {Record<string, string>} env the ready document's environment (DR_* names of the world, AWS_* keys)
 * @property {string} accountId
 * @property {Credentials} credentials the administrative identity (contract C1)
 * @property {Record<Role, string>} regions
 * @property {Record<Role, string>} clusterArns
 * @property {Record<Role, string>} setIdentifiers
 * @property {string | null} witnessRegion the lab's witness Region (an outside observer), null without one
 * @property {{ region: string, baseUrl: string, env: Record<string, string> } | null} witness its own network (port) and
 *   what a function deployed there uses (AWS_ENDPOINT_URL and the health URLs through that port)
 */

/** Normalises the lab's ready document; throws DrillSetupError naming what is missing. @param {any} ready @returns {LabDescription} */
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
    /** Model seconds between a CloudWatch datapoint's timestamp and its visibility to alarms (the lab's assumption). */
    metricIngestionDelaySeconds: Number(ready.metricIngestionDelaySeconds ?? 0),
    env,
    accountId: env.DR_PRIMARY_CLUSTER_ARN.split(':')[4],
    /** The administrative identity (contract C1): what the drill itself uses as an operator and to deploy. */
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
    regions: { primary: env.DR_PRIMARY_REGION, secondary: env.DR_SECONDARY_REGION },
    clusterArns: { primary: env.DR_PRIMARY_CLUSTER_ARN, secondary: env.DR_SECONDARY_CLUSTER_ARN },
    setIdentifiers: { primary: env.DR_PRIMARY_SET_IDENTIFIER, secondary: env.DR_SECONDARY_SET_IDENTIFIER },
    witnessRegion: ready.witnessRegion ?? null,
    witness: ready.witness ?? null,
  };
}

/** The role ('primary' | 'secondary') of a Region name, or undefined. @param {LabDescription} lab @param {string} region */
export function roleOf(lab, region) {
  return /** @type {Role[]} */ (Object.keys(lab.regions)).find((role) => lab.regions[role] === region);
}
