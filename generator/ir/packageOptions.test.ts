// Package options the spec asks for in `x-codegen-options`, and the caller's options over them.
import { describe, expect, it } from 'vitest';
import { SpecError } from '../errors.ts';
import { parseSpecText } from '../load/loadSpec.ts';
import { normalize } from '../normalize/normalize.ts';
import { render } from '../render/render.ts';
import { buildView } from '../view/buildView.ts';
import { buildIr, DEFAULT_PACKAGE } from './buildIr.ts';

function spec(options: string): string {
  return `openapi: 3.1.0\ninfo: {title: T, version: '1'}\n${options}paths: {}\n`;
}

function client(text: string, pkg: Partial<typeof DEFAULT_PACKAGE> & { apiKeyEnv?: string; repository?: string } = {}) {
  const files = render(buildView(buildIr(normalize(parseSpecText(text, 'spec.yaml')), { ...DEFAULT_PACKAGE, ...pkg })));
  return { server: files.get('src/runtime/server.ts')!, packageJson: JSON.parse(files.get('package.json')!) as Record<string, unknown>, readme: files.get('README.md')! };
}

function problems(text: string) {
  try {
    normalize(parseSpecText(text, 'spec.yaml'));
  } catch (err) {
    if (err instanceof SpecError) return err.diagnostics.map((d) => [d.pointer, d.message]);
    throw err;
  }
  throw new Error('expected the spec to be rejected');
}

describe('x-codegen-options', () => {
  it('without it, the client reads no environment variable and package.json has no repository', () => {
    const { server, packageJson, readme } = client(spec(''));
    expect(server).toContain('export const ACCESS_TOKEN_ENV: string | undefined = undefined;');
    expect(server).toContain('export const BASE_PATH_ENV: string | undefined = undefined;');
    expect(packageJson.repository).toBeUndefined();
    expect(readme).not.toContain('environment variable');
  });

  it('names the environment variables the client reads, and the README says so', () => {
    const { server, readme } = client(spec('x-codegen-options: {apiKeyEnv: MY_KEY, baseUrlEnv: MY_URL}\n'));
    expect(server).toContain("export const ACCESS_TOKEN_ENV: string | undefined = 'MY_KEY';");
    expect(server).toContain("export const BASE_PATH_ENV: string | undefined = 'MY_URL';");
    expect(readme).toContain('reads the `MY_KEY` environment variable');
  });

  it("the caller's options win over the spec's", () => {
    const { server, packageJson } = client(spec('x-codegen-options: {apiKeyEnv: MY_KEY}\n'), { apiKeyEnv: 'OTHER_KEY', repository: 'https://git.example/org/client' });
    expect(server).toContain("= 'OTHER_KEY';");
    expect(packageJson.repository).toEqual({ type: 'git', url: 'git+https://git.example/org/client.git' });
    expect(packageJson.homepage).toBe('https://git.example/org/client#readme');
    expect(packageJson.bugs).toEqual({ url: 'https://git.example/org/client/issues' });
  });

  it('rejects a value that is not an environment variable name or an https URL, located', () => {
    expect(problems(spec("x-codegen-options: {apiKeyEnv: \"X'; process.exit(1); '\", repository: 'javascript:alert(1)'}\n"))).toEqual([
      ['/x-codegen-options/apiKeyEnv', 'apiKeyEnv must be an environment variable name (letters, digits and _, not starting with a digit)'],
      ['/x-codegen-options/repository', 'repository must be an https URL without query or fragment'],
    ]);
    expect(() => client(spec(''), { apiKeyEnv: 'A-B' })).toThrow(/apiKeyEnv must be an environment variable name/);
  });

  it('warns about an unknown option instead of failing', () => {
    const normalized = normalize(parseSpecText(spec('x-codegen-options: {apiKeyEnv: K, "a/b": 1}\n'), 'spec.yaml'));
    expect(normalized.packageOptions).toEqual({ apiKeyEnv: 'K' });
    expect(normalized.diagnostics.items.map((d) => [d.severity, d.pointer])).toEqual([['warning', '/x-codegen-options/a~1b']]);
  });
});

describe('package name', () => {
  const named = (options: string, title = 'Paging Pets API', pkg: Partial<typeof DEFAULT_PACKAGE> = {}) =>
    client(`openapi: 3.1.0\ninfo: {title: '${title}', version: '1'}\n${options}paths: {}\n`, pkg).packageJson.name;

  it.each([
    ['Paging Pets API', 'paging-pets-api'],
    ['  Ünïcode: Café & Co.  ', 'unicode-cafe-co'],
    ['***', 'openapi-client'],
  ])('comes from info.title %j as %s', (title, name) => {
    expect(named('', title)).toBe(name);
  });

  it('x-package-name wins over the title, the caller over both', () => {
    expect(named('x-package-name: "@pets/client"\n')).toBe('@pets/client');
    expect(named('x-package-name: pets\n', 'T', { packageName: 'mine' })).toBe('mine');
  });

  it('an x-package-name npm refuses is a located error', () => {
    expect(problems(spec('x-package-name: Not A Name\n'))).toContainEqual(['/x-package-name', expect.stringContaining('x-package-name must be an npm package name')]);
  });
});

describe('module name (the docs headings)', () => {
  const moduleOf = (options: string, title = 'Paging Pets API', pkg: Partial<typeof DEFAULT_PACKAGE> = {}) =>
    buildIr(normalize(parseSpecText(`openapi: 3.1.0\ninfo: {title: '${title}', version: '1'}\n${options}paths: {}\n`, 'spec.yaml')), { ...DEFAULT_PACKAGE, ...pkg }).moduleName;

  it.each([
    ['', 'Paging Pets API', 'PagingPetsApiClient'],
    ['x-package-name: "@acme/pets"\n', 'T', 'AcmePetsClient'],
    ['x-package-name: pets-client\n', 'T', 'PetsClient'],
    ['x-package-name: 3d-print\n', 'T', 'Api3dPrintClient'],
    ['', '***', 'OpenapiClient'],
    ['x-codegen-options: {moduleName: PetStore}\n', 'T', 'PetStore'],
  ])('%j with title %j gives %s', (options, title, name) => {
    expect(moduleOf(options, title)).toBe(name);
  });

  it("the caller's option wins; a name that is no identifier is a located error", () => {
    expect(moduleOf('x-codegen-options: {moduleName: PetStore}\n', 'T', { moduleName: 'Mine' })).toBe('Mine');
    expect(problems(spec('x-codegen-options: {moduleName: "X; alert(1)", errorShape: aws}\n'))).toEqual([
      ['/x-codegen-options/moduleName', 'moduleName must be an identifier starting with a capital letter (letters and digits)'],
      ['/x-codegen-options/errorShape', 'errorShape must be one of common, openai'],
    ]);
  });
});
