// The view model: every string the templates print, computed from the IR (generator/view/buildView.ts)
// and already escaped for where it goes, so templates only loop and branch.
import type { ModelIR, ModelKind } from '../ir/types.ts';
import type { ErrorsView, PaginationView, PagingExampleView } from './errorsAndPaging.ts';
import type { WebhooksView } from './webhooks.ts';

export interface ClientView {
  packageName: string;
  packageVersion: string;
  packageDescription: string;
  /** Module name used in docs headings, as the Ruby client's module (`PetstoreClient.PetApi`). */
  moduleName: string;
  /** Markdown, one line, escaped (so are `apiVersion` and `basePath`). */
  title: string;
  apiVersion: string;
  /** Markdown, already escaped. */
  description: string;
  basePath: string;
  /** `basePath` as a TypeScript string literal. */
  basePathLiteral: string;
  /** Environment variables the client reads when the option is not given (undefined: none). */
  apiKeyEnv: string | undefined;
  baseUrlEnv: string | undefined;
  /** The same names as TypeScript expressions (`undefined` when absent). */
  apiKeyEnvLiteral: string;
  baseUrlEnvLiteral: string;
  /** `<package>/<version>` as a TypeScript string literal. */
  userAgentLiteral: string;
  /** The generated ERROR_MESSAGE_FIELDS constant's value. */
  errorMessageFieldsLiteral: string;
  /** The spec asked for OpenAI's error shape: the README describes OpenAI's conventions, and the names earlier versions exported stay. */
  openaiConventions: boolean;
  /** What the README's examples pass as `accessToken`: the environment variable, else a placeholder. */
  accessTokenExample: string;
  /** package.json links, when a repository is known. */
  repository: RepositoryView | undefined;
  securitySchemes: SecurityView[];
  /** The generated SECURITY_SCHEMES constant's object literal. */
  securitySchemesLiteral: string;
  /** The README's `new Configuration({...})` lines for the credentials the operations read. */
  configurationLines: string[];
  /** The generated SERVERS constant's value. */
  serversLiteral: string;
  /** The README's server section: shown when the spec has several servers or URL variables. */
  serversChoosable: boolean;
  servers: ServerDocView[];
  /** `{ version: 'v2' }`: the README's serverVariables example. */
  serverVariablesExample: string;
  /** Which README walkthroughs apply (see readmeWalkthroughs.ts). */
  readme: Record<WalkthroughName, boolean>;
  /** The README's paging example, when an operation pages. */
  pagingExample?: PagingExampleView | undefined;
  apis: ApiView[];
  /** Each model's view is made as its files are rendered (modelView), so a model whose files are known needs none. */
  models: ModelEntry[];
  /** src/webhooks.ts, docs/Webhooks.md and the README's list; undefined when the spec has no webhooks or callbacks. */
  webhooks: WebhooksView | undefined;
}

export interface ModelEntry {
  name: string;
  ir: ModelIR;
}

export type WalkthroughName = 'chat' | 'files' | 'speech';

export interface RepositoryView {
  gitUrl: string;
  homepage: string;
  issues: string;
}

export interface SecurityView {
  /** Markdown, one line, escaped. */
  name: string;
  /** The README heading's anchor. */
  anchor: string;
  /** e.g. "Bearer authentication" */
  kindLabel: string;
  /** Markdown, one line, escaped. */
  description: string;
  isBearer: boolean;
  /** Which Configuration field satisfies the scheme; `unsupported` when the client cannot send it. */
  usesAccessToken: boolean;
  usesBasic: boolean;
  usesApiKey: boolean;
  unsupported: boolean;
  /** apiKey: the parameter's name (a Markdown code span) and where it goes. */
  paramName: string;
  location: string;
  /** oauth2: each flow's kind, URLs and scopes, as Markdown. */
  flows: Array<{ kind: string; urls: string; scopes: string }>;
  /** openIdConnect: the discovery URL as a Markdown code span ('' when none). */
  openIdConnectUrl: string;
}

/** A server as the README lists it (Markdown). */
export interface ServerDocView {
  index: number;
  url: string;
  description: string;
  variables: Array<{ name: string; default: string; values: string; description: string }>;
}

export interface ApiView {
  className: string;
  tag: string;
  /** The class's doc comment. */
  docLines: string[];
  /** Markdown, escaped. */
  description: string;
  /** Every operation tagged with the class's tag (the docs list them all). */
  operations: OperationView[];
  /** The operations whose code is in this class; the others' methods are taken from `borrowed`. */
  implementedOperations: OperationView[];
  /** Per implementing class (sorted), the member names this class shares with it and them as `'a' | 'b'`. */
  borrowed: Array<{ owner: string; names: string[]; pickedNames: string }>;
  /** Model names the API file imports, sorted. */
  modelImports: string[];
  usesStream: boolean;
  /** Body encoders the class imports from the runtime, sorted. */
  bodyEncoders: string[];
  /** The runtime's paging factories its `…All` iterators call (`cursorPaging`), for the import. */
  pagingFactories: string[];
  optionTypes: OptsTypeView[];
  /** Some operation sends credentials: the class imports SECURITY_SCHEMES. */
  usesSecurity: boolean;
  /** The `…Error` types of the class's operations that declare error responses. */
  errorTypes: ErrorsView[];
}

/** The `...Opts` interface holding an operation's optional parameters. */
export interface OptsTypeView {
  name: string;
  params: ParamView[];
}

export interface ParamView {
  wireName: string;
  /** Key for an object literal: bare, quoted, or computed for `__proto__`. */
  key: string;
  varName: string;
  location: 'path' | 'query' | 'header' | 'cookie' | 'body';
  isBody: boolean;
  required: boolean;
  tsType: string;
  /** How the method body reads the value: `completionId` or `opts?.limit`. */
  accessor: string;
  docLines: string[];
  /** Markdown, escaped for a table cell. */
  description: string;
  docType: string;
  notes: string;
  /** A parameter's ParamSpec object literal (runtime/params.ts); '' for a body. */
  paramSpecLiteral: string;
}

export interface OperationView {
  operationId: string;
  /** Markdown links to the operation's callbacks in docs/Webhooks.md ('' when none). */
  callbacks: string;
  methodName: string;
  withHttpInfoName: string;
  httpMethod: string;
  path: string;
  pathLiteral: string;
  /** `path` as one line of Markdown. */
  pathMarkdown: string;
  docLines: string[];
  /** One-line markdown summary for tables. */
  summary: string;
  /** Markdown paragraph(s), escaped. */
  description: string;
  deprecated: boolean;
  /** Arguments in call order, the optional-parameter object and request options excluded. */
  positional: ParamView[];
  opts?: OptsTypeView;
  pathParams: ParamView[];
  queryParams: ParamView[];
  headerParams: ParamView[];
  /** Every parameter, in call order, each sent as its ParamSpec (`params` of the RequestSpec). */
  wireParams: ParamView[];
  body?: ParamView & {
    bodyType: string;
    mediaType: string;
    /** The runtime's encoder for this media type (an expression); '' for JSON, the runtime's default. */
    encoder: string;
    /** The runtime encoders the body's media types use, to import. */
    encoderNames: string[];
    /** The spec's media type as a literal; '' for plain application/json, the runtime's default. */
    mediaTypeLiteral: string;
    /** `{ 'text/plain': textBody }`: the operation's further media types; '' when it offers one. */
    otherMediaTypesLiteral: string;
  };
  returnType: string;
  responseType: 'json' | 'text' | 'binary' | 'void';
  /** The RequestSpec's `accept` (the success responses' media types), quoted; '' for none. */
  acceptLiteral: string;
  responseMediaType: string;
  /** The RequestSpec's `security` (alternatives of SECURITY_SCHEMES entries); '' when none is needed. */
  securityLiteral: string;
  /** The RequestSpec's `servers` (the path's or operation's own); '' when the document's apply. */
  serversLiteral: string;
  /** The docs' Authorization section (Markdown): alternatives with "or", combinations with "and"; '' for none. */
  authorizationMarkdown: string;
  /** The docs example's `new Configuration(...)` argument ('' for none). */
  configurationExample: string;
  stream?: StreamView;
  pagination?: PaginationView | undefined;
  errors?: ErrorsView | undefined;
  /** Markdown heading anchor of the method's section. */
  anchor: string;
  /** The method's parameter lists and call arguments, printed by the code and the docs (see signatures.ts). */
  signature: SignatureView;
  /**
   * The module function that builds the operation's RequestSpec, called by each of its methods
   * (`spec_listPets`); the `_` keeps it apart from every model, parameter and runtime name.
   */
  specBuilderName: string;
  /** `Promise<X> name(args)` escaped for Markdown. */
  docSignature: string;
  docWithHttpInfoSignature: string;
  /** Docs example: type names to import, argument declarations, the call's arguments. */
  exampleImports: string[];
  exampleDecls: string[];
  exampleCall: string;
  hasParams: boolean;
  docReturnType: string;
  /** Media types as one line of Markdown ('' for none). */
  requestContentType: string;
}

export interface SignatureView {
  /** `a: A, b?: B, opts?: XOpts, options?: RequestOptions` */
  params: string;
  /** `a, b, opts, options` */
  call: string;
  /** Where a body's `stream` flag selects the stream: the lists of each overload. */
  streamOverloadParams: string;
  plainOverloadParams: string;
  /** `params` with the body declared non-streaming, and the call passing it so. */
  plainParams: string;
  plainCall: string;
  /** The operation's request spec builder: `a: A, b?: B, opts?: XOpts` (no request options), and its call `a, b, opts`. */
  specParams: string;
  specCall: string;
}

export interface StreamView {
  methodName: string;
  chunkType: string;
  /** Only the stream is available (no JSON variant). */
  only: boolean;
  /** The body has a `stream` flag: `stream: true` selects the stream overload. */
  flagProperty: boolean;
  /** The RequestSpec's `accept`: the stream's media type, quoted. */
  acceptLiteral: string;
  /** The RequestSpec's `streamFormat`, quoted; '' for server-sent events (the default). */
  formatLiteral: string;
  /** How the items come, for comments and docs ("JSON Lines, one parsed item a line"). */
  wording: string;
}

export interface ModelView {
  name: string;
  schemaKey: string;
  /** Where the schema is: `#/components/schemas/X` or the inline spot it was lifted from. */
  source: string;
  /** `source`, safe after `//`. */
  sourceComment: string;
  inline: boolean;
  kind: ModelKind;
  isInterface: boolean;
  isIntersection: boolean;
  isAlias: boolean;
  isEnum: boolean;
  docLines: string[];
  description: string;
  deprecated: boolean;
  /** For intersections: the types joined with `&` before the own properties. */
  heritage: string[];
  properties: PropertyView[];
  indexSignature?: string;
  /** For aliases: the whole type expression. */
  tsType: string;
  enumMembers: Array<{ key: string; literal: string; literalMarkdown: string }>;
  tsTypeMarkdown: string;
  imports: string[];
  /** A TypeScript example value for docs. */
  example: string;
  docKind: string;
}

export interface PropertyView {
  wireName: string;
  /** `wireName` as one line of Markdown. */
  wireNameMarkdown: string;
  key: string;
  tsType: string;
  optional: boolean;
  readonly: boolean;
  docLines: string[];
  description: string;
  docType: string;
  notes: string;
}
