import { lstatSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ALLOCATIONS_FILE, insertAllocations, newAllocations } from '../config/allocations';
import { ConfigError, formatConfigErrors } from '../config/config-error';
import { display, readConfigTexts } from '../config/load-config';
import { allEnvironments, EstateModel } from '../config/model';
import { validateEstate, ValidationResult } from '../config/validate-estate';
import { CheckFailedError, UserInputError } from '../errors/user-input-error';
import { writeFileAtomic } from '../files/write-files';
import { allocateCidrs } from '../net/cidr-allocator';
import { planCapacity } from '../planners/capacity/plan-capacity';
import { capacityRefusal } from './capacity-refusal';
import { flagProblemOf } from './field-flags';
import { FlagProblem, FlagProblemsError } from './flag-problems';
import { existingClaims } from './existing-claims';
import { renderTenantYaml } from './render-tenant-yaml';
import { TenantRequest } from './tenant-request';

export interface OnboardedEnvironment {
  readonly name: string;
  readonly cidr: string;
  readonly accountId?: string;
  readonly email?: string;
}

/** What onboard will write: the tenant file and the allocation register, both checked. */
export interface OnboardPlan {
  readonly odsCode: string;
  /** The tenant file, as displayed (relative to the working directory when inside it). */
  readonly file: string;
  readonly text: string;
  readonly environments: readonly OnboardedEnvironment[];
  readonly register: { readonly file: string; readonly text: string; readonly created: boolean };
}

/**
 * Plans a new tenant the way CI will judge it, and writes nothing:
 *
 * 1. the estate as it is must be valid (otherwise the problem is main's, and onboard says so);
 * 2. the request must not reuse an account, a root e-mail or an on-premises range, each
 *    reported at the flag, naming the file that already has it;
 * 3. each environment gets the lowest free block of tenantSupernet, recorded in the
 *    allocation register (docs/adr/0022-parallel-onboarding.md);
 * 4. the whole estate with the new file and register must validate (errors in the new file
 *    are reported at the flag they came from);
 * 5. the capacity plan must still meet every need; if not, the refusal gives the path, the
 *    trust's need, the headroom left and the next step.
 */
export function planOnboarding(configDir: string, request: TenantRequest, today?: string): OnboardPlan {
  const { odsCode } = request;
  const texts = readConfigTexts(configDir);
  if (Array.isArray(texts)) throw brokenEstate(configDir, odsCode, texts);
  const current = validateEstate(texts.estate, texts.tenants, today, texts);
  if (!current.ok) throw brokenEstate(configDir, odsCode, current.errors);
  const model = current.model;

  const path = join(configDir, 'tenants', `${odsCode}.yaml`);
  const file = display(path);
  assertNew(model, odsCode, configDir, file);
  const claims = existingClaims(model);
  const problems = claims.conflicts(request);
  if (problems.length) throw new FlagProblemsError(problems);

  const cidrs = allocateCidrs(
    model.estate.network.tenantSupernet,
    [...claims.used, ...(request.onPremises?.cidrs ?? [])],
    request.environments.map(() => request.prefix),
  );
  if (!cidrs) {
    throw new FlagProblemsError([
      {
        flag: '--prefix',
        message: `expected room for ${request.environments.length} more /${request.prefix} blocks in tenantSupernet ${model.estate.network.tenantSupernet}, found none`,
        hint: 'try a longer --prefix (a smaller VPC), or ask the platform team to extend the supernet',
      },
    ]);
  }
  const environments = request.environments.map((env, i) => ({ ...env, cidr: cidrs[i] }));
  const text = renderTenantYaml(request, cidrs);
  const blocks = environments.map((env) => ({ cidr: env.cidr, tenant: odsCode, environment: env.name }));
  const registerPath = join(configDir, ALLOCATIONS_FILE);
  const register = texts.allocations
    ? {
        file: texts.allocations.displayPath,
        text: insertAllocations(texts.allocations.text, blocks),
        created: false,
      }
    : { file: display(registerPath), text: newAllocations([...registered(model), ...blocks]), created: true };

  const checked = validateEstate(texts.estate, [...texts.tenants, { displayPath: file, text }], today, {
    allocations: { displayPath: register.file, text: register.text },
  });
  if (!checked.ok) throw refusedByValidation(checked, current, file, odsCode);

  const after = planCapacity(checked.model);
  const refusal = capacityRefusal({
    odsCode,
    peakMbps: request.peakMbps,
    before: planCapacity(model),
    after,
    file,
  });
  if (refusal) throw new CheckFailedError(refusal);
  // The lane the planner chose, written as a pin: placement stays put as others join or leave.
  const lane = after.hub.lanes.laneOf[odsCode];
  return { odsCode, file, text: renderTenantYaml(request, cidrs, lane), environments, register };
}

/**
 * Writes the tenant file (refusing to replace one, even one created since planning) and then
 * the register; if the register cannot be written, the tenant file is removed again.
 */
export function writeOnboarding(plan: OnboardPlan, configDir: string): void {
  const tenantPath = join(configDir, 'tenants', `${plan.odsCode}.yaml`);
  mkdirSync(dirname(tenantPath), { recursive: true });
  try {
    writeFileAtomic(tenantPath, plan.text, { exclusive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw alreadyExists(plan.odsCode, plan.file);
    throw error;
  }
  try {
    writeFileAtomic(join(configDir, ALLOCATIONS_FILE), plan.register.text);
  } catch (error) {
    rmSync(tenantPath, { force: true });
    throw error;
  }
}

function assertNew(model: EstateModel, odsCode: string, configDir: string, file: string): void {
  const existing = model.tenants.find((t) => t.odsCode === odsCode);
  if (existing) throw alreadyExists(odsCode, existing.file);
  for (const name of [`${odsCode}.yaml`, `${odsCode}.yml`]) {
    if (lstatSync(join(configDir, 'tenants', name), { throwIfNoEntry: false }))
      throw alreadyExists(
        odsCode,
        name === `${odsCode}.yaml` ? file : display(join(configDir, 'tenants', name)),
      );
  }
}

function alreadyExists(odsCode: string, file: string): UserInputError {
  return UserInputError.at(
    { flag: '--tenant' },
    `expected a new tenant, got ${odsCode}, which already exists (${file})`,
    {
      hint: 'edit that file in a pull request to change the tenant; onboard only adds new ones',
    },
  );
}

/** Every block the tenant files use, for a register that does not exist yet. */
function registered(model: EstateModel) {
  return allEnvironments(model).map((env) => ({
    cidr: env.cidr,
    tenant: env.tenant.odsCode,
    environment: env.name,
  }));
}

function brokenEstate(configDir: string, odsCode: string, errors: readonly ConfigError[]): UserInputError {
  return new UserInputError(
    `${configDir} is not valid before ${odsCode} is added, so nothing was written; these are problems of the estate, not of the new tenant:\n\n${formatConfigErrors(errors)}`,
  );
}

/**
 * Errors in the new tenant file become problems at its flags; any other error the addition
 * causes (one the estate did not have before) is shown as the config error it is.
 */
function refusedByValidation(
  checked: Extract<ValidationResult, { ok: false }>,
  before: ValidationResult,
  file: string,
  odsCode: string,
): UserInputError {
  const flagProblems: FlagProblem[] = checked.errors.filter((e) => e.file === file).map(flagProblemOf);
  const known = new Set(before.ok ? [] : before.errors.map((e) => JSON.stringify(e)));
  // Named in another file's message, the new file would be a file that was never written.
  const unwritten = (text: string | undefined) =>
    text?.split(file).join(`the file onboard would write for ${odsCode}`);
  const elsewhere = checked.errors
    .filter((e) => e.file !== file && !known.has(JSON.stringify(e)))
    .map((e) => ({ ...e, message: unwritten(e.message)!, hint: unwritten(e.hint) }));
  if (elsewhere.length === 0) return new FlagProblemsError(flagProblems);
  const others = `Adding ${odsCode} would make other config files fail validation:\n${formatConfigErrors(elsewhere)}`;
  return flagProblems.length
    ? new UserInputError(`${new FlagProblemsError(flagProblems).message}\n\n${others}`)
    : new UserInputError(others);
}
