// Stage 3: NormalizedSpec → ClientIR. Names are decided first (models, then the API files'
// option types), then types, docs and examples are derived from them.
import { NameRegistry, quote } from '../naming.ts';
import { PACKAGE_OPTION_RULES, type NormalizedSpec, type SpecPackageOptions } from '../normalize/normalize.ts';
import { SpecError } from '../diagnostics.ts';
import { buildApis, decideApiClassNames } from './buildApis.ts';
import { buildModels, decideModelNames } from './buildModels.ts';
import { runtimeExportNames } from './runtimeNames.ts';
import { ExampleWriter } from './examples.ts';
import { headingAnchor, markdown, tableCell } from './text.ts';
import { TypeMapper } from './typeExpr.ts';
import type { ClientIR, RepositoryIR } from './types.ts';

export interface PackageOptions {
  packageName: string;
  packageVersion: string;
  moduleName: string;
  /** Environment variable read for the access token when none is configured (default: the spec's `x-codegen-options`). */
  apiKeyEnv?: string | undefined;
  /** Environment variable read for the base URL when none is configured (default: the spec's `x-codegen-options`). */
  baseUrlEnv?: string | undefined;
  /** https URL of the source repository (default: the spec's `x-codegen-options`). */
  repository?: string | undefined;
}

export const DEFAULT_PACKAGE: PackageOptions = {
  packageName: 'openapi-openai',
  packageVersion: '1.0.0',
  moduleName: 'OpenApiOpenAIClient',
};

export function buildIr(spec: NormalizedSpec, pkg: PackageOptions = DEFAULT_PACKAGE): ClientIR {
  const classNames = decideApiClassNames(spec);
  const modelNames = decideModelNames(spec, classNames.values());
  const schemaOf = (key: string) => spec.schemas.get(key);
  const mapper = new TypeMapper({ nameOf: (key) => modelNames.get(key), schemaOf });
  const examples = new ExampleWriter(schemaOf);
  const models = buildModels(spec, modelNames, mapper, examples);
  const typeNames = new NameRegistry([...runtimeExportNames(), ...classNames.values(), ...modelNames.values()]);
  const apis = buildApis({ spec, mapper, examples, modelNames, typeNames, classNames });
  // Names and cycles found here are the spec's problems too: stop before anything is written.
  if (spec.diagnostics.errors.length > 0) throw new SpecError(spec.diagnostics.errors);
  const basePath = (spec.servers[0] ?? '').replace(/\/+$/, '');
  const chosen = specOptions(spec, pkg);
  const op = (api: string, method: string) => apis.find((a) => a.className === api)?.operations.find((o) => o.methodName === method);
  return {
    ...pkg,
    apiKeyEnv: chosen.apiKeyEnv,
    baseUrlEnv: chosen.baseUrlEnv,
    apiKeyEnvLiteral: optionalLiteral(chosen.apiKeyEnv),
    baseUrlEnvLiteral: optionalLiteral(chosen.baseUrlEnv),
    repository: chosen.repository === undefined ? undefined : repositoryLinks(chosen.repository),
    userAgentLiteral: quote(`${pkg.packageName}/${pkg.packageVersion}`),
    packageDescription: `TypeScript client for the ${spec.info.title}`,
    title: tableCell(spec.info.title),
    apiVersion: tableCell(spec.info.version),
    description: markdown(spec.info.description),
    basePath: tableCell(basePath),
    basePathLiteral: quote(basePath),
    securitySchemes: spec.securitySchemes.map((s) => ({
      name: tableCell(s.name),
      anchor: headingAnchor(s.name),
      isBearer: s.type === 'http' && s.scheme === 'bearer',
      kindLabel: tableCell(s.type === 'http' ? `HTTP ${s.scheme ?? ''} authentication`.replace(/ +/g, ' ') : s.type === 'apiKey' ? `API key in ${s.in ?? 'header'} '${s.paramName ?? ''}'` : s.type),
    })),
    readme: {
      chat: op('ChatApi', 'createChatCompletion')?.stream?.flagProperty === true,
      files: op('FilesApi', 'createFile')?.body?.bodyType === 'multipart',
      speech: op('AudioApi', 'createSpeech')?.responseType === 'binary',
      paging: op('ChatApi', 'listChatCompletions')?.pagination !== undefined,
    },
    apis,
    models,
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

function repositoryLinks(url: string): RepositoryIR {
  const base = url.replace(/\.git$/, '');
  return { gitUrl: `git+${base}.git`, homepage: `${base}#readme`, issues: `${base}/issues` };
}

function optionalLiteral(text: string | undefined): string {
  return text === undefined ? 'undefined' : quote(text);
}
