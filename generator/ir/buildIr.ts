// Stage 3: NormalizedSpec → ClientIR, what the API means. Names are decided first (models, then
// the API files' option types), then types and example values are derived from them.
import { camelize, NameRegistry } from '../naming.ts';
import { PACKAGE_OPTION_RULES, type NormalizedSpec, type SpecPackageOptions } from '../normalize/normalize.ts';
import { SpecError } from '../errors.ts';
import { buildApis, decideApiClassNames } from './buildApis.ts';
import { buildModels, decideModelNames } from './buildModels.ts';
import { runtimeExportNames } from './runtimeNames.ts';
import { ExampleWriter } from './examples.ts';
import { TypeMapper } from './typeExpr.ts';
import type { ClientIR } from './types.ts';
import { buildWebhooks, webhookReservedNames } from './webhooks.ts';

export interface PackageOptions {
  /** Default: the spec's `x-package-name`, else a name made from `info.title`. */
  packageName?: string | undefined;
  packageVersion: string;
  /** Default: the spec's `x-codegen-options`, else one made from the package name (`paging-pets-api` → `PagingPetsApiClient`). */
  moduleName?: string | undefined;
  /** How ApiError reads error bodies (default: the spec's `x-codegen-options`, else `common`). */
  errorShape?: string | undefined;
  /** Environment variable read for the access token when none is configured (default: the spec's `x-codegen-options`). */
  apiKeyEnv?: string | undefined;
  /** Environment variable read for the base URL when none is configured (default: the spec's `x-codegen-options`). */
  baseUrlEnv?: string | undefined;
  /** https URL of the source repository (default: the spec's `x-codegen-options`). */
  repository?: string | undefined;
}

export const DEFAULT_PACKAGE: PackageOptions = {
  packageVersion: '1.0.0',
};

export function buildIr(spec: NormalizedSpec, pkg: PackageOptions = DEFAULT_PACKAGE): ClientIR {
  const classNames = decideApiClassNames(spec);
  const modelNames = decideModelNames(spec, [...classNames.values(), ...webhookReservedNames(spec)]);
  const schemaOf = (key: string) => spec.schemas.get(key);
  const mapper = new TypeMapper({ nameOf: (key) => modelNames.get(key), schemaOf });
  const examples = new ExampleWriter(schemaOf);
  const models = buildModels(spec, modelNames, mapper, examples);
  const typeNames = new NameRegistry([...runtimeExportNames(), ...classNames.values(), ...modelNames.values(), ...webhookReservedNames(spec)]);
  const apis = buildApis({ spec, mapper, examples, modelNames, typeNames, classNames });
  const webhooks = buildWebhooks(spec, mapper, typeNames);
  // Names and cycles found here are the spec's problems too: stop before anything is written.
  if (spec.diagnostics.errors.length > 0) throw new SpecError(spec.diagnostics.errors);
  const chosen = specOptions(spec, pkg);
  const packageName = pkg.packageName ?? spec.packageName ?? packageNameFromTitle(spec.info.title);
  return {
    packageName,
    packageVersion: pkg.packageVersion,
    moduleName: chosen.moduleName ?? moduleNameFromPackage(packageName),
    errorShape: chosen.errorShape === 'openai' ? 'openai' : 'common',
    info: spec.info,
    servers: spec.servers,
    apiKeyEnv: chosen.apiKeyEnv,
    baseUrlEnv: chosen.baseUrlEnv,
    repository: chosen.repository,
    securitySchemes: spec.securitySchemes,
    apis,
    models,
    webhooks,
  };
}

/** The caller's options win over the spec's `x-codegen-options`; both pass the same checks. */
function specOptions(spec: NormalizedSpec, pkg: PackageOptions): SpecPackageOptions {
  const chosen: SpecPackageOptions = {};
  for (const key of Object.keys(PACKAGE_OPTION_RULES) as Array<keyof SpecPackageOptions>) {
    const value = pkg[key] ?? spec.packageOptions[key];
    if (value === undefined) continue;
    const rule = PACKAGE_OPTION_RULES[key];
    if (!rule.valid(value)) throw new TypeError(`package option ${key} must be ${rule.expected}, got ${JSON.stringify(value)}`);
    chosen[key] = value;
  }
  return chosen;
}

/** `paging-pets-api` → `PagingPetsApiClient`, `@acme/pets` → `AcmePetsClient`: an identifier for the docs headings. */
export function moduleNameFromPackage(packageName: string): string {
  const words = camelize(packageName).replace(/Client$/, '');
  return `${/^[0-9]/.test(words) ? 'Api' : ''}${words}Client`;
}

/** `Paging Pets API` → `paging-pets-api`: what npm accepts, from the title's letters and digits. */
export function packageNameFromTitle(title: string): string {
  const name = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // accents, split off by NFKD
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 214)
    .replace(/-+$/, '');
  return name === '' ? 'openapi-client' : name;
}
