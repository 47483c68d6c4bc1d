// @ts-check
// Runs tools/stack/translate.py (aws-sam-translator) on a template: CloudFormation JSON with the local artifacts
// rewritten to S3 locations. One python process per template and Region, cached for the run.
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TemplateError } from './errors.mjs';

const TRANSLATE = fileURLToPath(new URL('./translate.py', import.meta.url));
const cache = new Map();

/**
 * The translated template of `templatePath` for a stack in `region`: `{ template, directory }` where
 * `template.DrLambdasLocalArtifacts` maps S3 keys back to paths relative to `directory`.
 * @param {string} templatePath @param {string} region @param {string} [python]
 */
export function loadTemplate(templatePath, region, python = process.env.PYTHON ?? 'python3') {
  const path = resolve(templatePath);
  const key = `${path}@${region}`;
  if (!cache.has(key)) {
    let output;
    try {
      output = execFileSync(python, [TRANSLATE, path, '--region', region], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 32 * 1024 * 1024 });
    } catch (error) {
      const stderr = String(error.stderr ?? '').trim();
      throw new TemplateError(stderr || `${python} ${TRANSLATE} failed: ${error.message}`, templatePath);
    }
    cache.set(key, { template: JSON.parse(output), directory: dirname(path) });
  }
  return structuredClone(cache.get(key));
}
