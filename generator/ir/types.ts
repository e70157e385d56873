// The intermediate representation: what the API means, the one contract between the spec side
// and the output side. It holds decided names (models, classes, methods, variables: deciding
// them reports clashes) and spec text as written; no output text. Every string of output
// (type expressions, doc lines, Markdown, examples, signatures) is the view step's job
// (generator/view/).

export interface ClientIR {
  packageName: string;
  packageVersion: string;
  /** Module name used in docs headings, as the Ruby client's module (`PetstoreClient.PetApi`). */
  moduleName: string;
  /** How ApiError reads error bodies: common shapes, or OpenAI's `error` object only. */
  errorShape: 'common' | 'openai';
  info: { title: string; version: string; description?: string | undefined };
  /** The document's servers; the first is the client's default. */
  servers: ServerIR[];
  /** Environment variables the client reads when the option is not given (undefined: none). */
  apiKeyEnv: string | undefined;
  baseUrlEnv: string | undefined;
  /** https URL of the source repository, when known. */
  repository: string | undefined;
  securitySchemes: SecuritySchemeIR[];
  apis: ApiIR[];
  models: ModelIR[];
  /** Requests the API sends: the root `webhooks`, then each operation's `callbacks`. */
  webhooks: WebhookIR[];
}

/** A TypeScript type as a structure: the view prints it, the API diff compares it. */
export type TsType =
  | { kind: 'primitive'; name: PrimitiveName }
  /** Any string besides the listed values of an open enum. */
  | { kind: 'openString' }
  | { kind: 'literal'; value: string | number | boolean }
  | { kind: 'reference'; model: string }
  | { kind: 'array'; items: TsType }
  | { kind: 'record'; values: TsType }
  | { kind: 'union'; members: TsType[] }
  | { kind: 'intersection'; members: TsType[] }
  | { kind: 'object'; properties: ObjectTypeProperty[]; additional?: TsType | undefined };

export type PrimitiveName = 'string' | 'number' | 'boolean' | 'null' | 'unknown' | 'never' | 'void' | 'binary';

export interface ObjectTypeProperty {
  /** The wire name. */
  name: string;
  type: TsType;
  optional: boolean;
  readonly: boolean;
}

/** An example value for docs: the spec's example, default or enum value, else a placeholder of the right type. */
export type ExampleValue =
  | { kind: 'scalar'; value: string | number | boolean | null }
  | { kind: 'binary' }
  | { kind: 'array'; items: ExampleValue[] }
  | { kind: 'object'; entries: Array<{ name: string; value: ExampleValue }> };

export interface ServerIR {
  url: string;
  description?: string | undefined;
  variables: Array<{ name: string; default: string; enum?: string[] | undefined; description?: string | undefined }>;
}

export interface SecuritySchemeIR {
  name: string;
  /** `apiKey`, `http`, `oauth2`, `openIdConnect`, `mutualTLS`, or what the spec says. */
  type: string;
  description?: string | undefined;
  /** apiKey: where the key goes and under which name. */
  in?: string | undefined;
  paramName?: string | undefined;
  /** http: `bearer`, `basic`, … (lower case) and the bearer token's format. */
  scheme?: string | undefined;
  bearerFormat?: string | undefined;
  /** oauth2: the flows as written (authorizationUrl, tokenUrl, refreshUrl, scopes). */
  flows?: Record<string, OAuthFlowIR> | undefined;
  openIdConnectUrl?: string | undefined;
}

export interface OAuthFlowIR {
  authorizationUrl?: string | undefined;
  tokenUrl?: string | undefined;
  refreshUrl?: string | undefined;
  scopes: Record<string, string>;
}

/**
 * What a request must carry: any one alternative (OR), each of which needs all its schemes
 * (AND) with their scopes. An empty alternative (`{}`) makes authorization optional.
 */
export type SecurityIR = SecurityAlternativeIR[];
export type SecurityAlternativeIR = Array<{ scheme: string; scopes: string[] }>;

export interface ApiIR {
  className: string;
  tag: string;
  description?: string | undefined;
  operations: OperationIR[];
}

export interface OperationIR {
  operationId: string;
  /** The class implementing it; its other tags' classes share that implementation. */
  className: string;
  /** The decided method name (variants: see methodVariants). */
  methodName: string;
  method: string;
  path: string;
  /** Where the spec declares it: `#/paths/~1pets/get`, or a 3.2 `additionalOperations` entry. */
  source: string;
  /** Every tag of the operation (it is a method of each one's class). */
  tags: string[];
  summary?: string | undefined;
  description?: string | undefined;
  deprecated: boolean;
  /** In call order: path (in path order), query, header, cookie. */
  parameters: ParameterIR[];
  requestBody?: RequestBodyIR | undefined;
  /** Every response the spec declares, by status (`200`, `4XX`, `default`). */
  responses: ResponseIR[];
  /** What the method resolves to: the success response's body. */
  result: ResultIR;
  /** The Accept header's media types for the method (not its `...Stream`): the success responses' own, in spec order. */
  accept: string[];
  security: SecurityIR;
  /** Servers for this operation (its own, else its path's); empty: the document's. */
  servers: ServerIR[];
  stream?: StreamIR | undefined;
  pagination?: PaginationIR | undefined;
  /** Typed error bodies; undefined when the operation declares no error response. */
  errors?: ErrorResponsesIR | undefined;
  /** The name of the `...Opts` interface holding the optional parameters, when there are any. */
  optionsTypeName?: string | undefined;
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface ParameterIR {
  /** The wire name. */
  name: string;
  in: ParameterLocation;
  /** The decided argument or option name. */
  varName: string;
  /** Where it is declared: the operation's or its path's `parameters` entry (the operation, when undeclared). */
  source: string;
  style: string;
  explode: boolean;
  allowReserved: boolean;
  required: boolean;
  deprecated: boolean;
  description?: string | undefined;
  type: TsType;
  /** False when a path segment or header cannot carry every value of `type` (an object, `{}`). */
  carriable: boolean;
  /** For a `content`-encoded parameter: its media type (JSON in a query parameter). */
  contentMediaType?: string | undefined;
  default?: string | number | boolean | undefined;
  example: ExampleValue;
}

export interface MediaIR {
  mediaType: string;
  type: TsType;
  /** Form bodies: the `encoding` object as written. */
  encoding?: Record<string, unknown> | undefined;
}

export interface RequestBodyIR {
  required: boolean;
  description?: string | undefined;
  /** The decided argument name (after the body's model, as openapi-generator names it). */
  varName: string;
  media: MediaIR[];
  /** The media type the client sends: the first JSON, else multipart, else form, else the first. */
  sent: MediaIR;
  /** An example of the sent media type's body. */
  example: ExampleValue;
}

export interface ResponseIR {
  status: string;
  description?: string | undefined;
  media: MediaIR[];
}

export interface ResultIR {
  /** How the success body is read: JSON, text, a Blob, or not at all. */
  decode: 'json' | 'text' | 'binary' | 'none';
  mediaType?: string | undefined;
  type: TsType;
}

export interface StreamIR {
  /** The stream's media type, how it frames its items, and each item's type. */
  mediaType: string;
  /** The `...Stream` method's Accept: the media type, when a header can carry it. */
  accept: string[];
  format: 'sse' | 'json-lines' | 'json-seq';
  chunkType: TsType;
  /** The body has a `stream` flag: `stream: true` selects the stream. */
  selectedByFlag: boolean;
}

/** A field of a page's body: the names leading to it (`['meta', 'next_cursor']`). */
export type FieldPathIR = string[];

/**
 * How a list operation pages, as the runtime's `Pagination` (runtime/pagination.ts) takes it:
 * a cursor parameter fed from a body field or the last item, a page number, an offset, the
 * `Link: rel=next` header, or a next-page URL field.
 */
export type PaginationIR = PagingFieldsIR &
  (
    | { kind: 'cursor'; param: string; nextField?: FieldPathIR | undefined; itemCursorField?: FieldPathIR | undefined }
    | { kind: 'page'; param: string; firstPage?: number | undefined }
    | { kind: 'offset'; param: string }
    | { kind: 'link' }
    | { kind: 'nextUrl'; nextField: FieldPathIR }
  );

export interface PagingFieldsIR {
  /** Where the page's items are; the body itself when absent. */
  itemsField?: FieldPathIR | undefined;
  /** A boolean field saying more pages follow. */
  hasMoreField?: FieldPathIR | undefined;
  itemType: TsType;
}

/** The error responses of an operation (explicit 4xx/5xx, `4XX`/`5XX`, `default`) and the type naming them. */
export interface ErrorResponsesIR {
  typeName: string;
  /** By status as the spec writes it, with the type of the body (`unknown` when not JSON or text). */
  responses: Array<{ status: string; type: TsType; description?: string | undefined }>;
}

export type ModelKind = 'interface' | 'intersection' | 'alias' | 'enum';

export interface ModelIR {
  name: string;
  schemaKey: string;
  /** Where the schema is: `#/components/schemas/X` or the inline spot it was lifted from. */
  source: string;
  inline: boolean;
  kind: ModelKind;
  description?: string | undefined;
  deprecated: boolean;
  /** Intersections: the types joined with `&` before the own properties. */
  heritage: TsType[];
  properties: PropertyIR[];
  /** The type of properties not named (`[key: string]`). */
  additional?: TsType | undefined;
  /** Aliases: the whole type. */
  type?: TsType | undefined;
  /** Enums: the values. */
  enumValues: string[];
  example: ExampleValue;
}

export interface PropertyIR {
  /** The wire name. */
  name: string;
  type: TsType;
  required: boolean;
  readonly: boolean;
  deprecated: boolean;
  description?: string | undefined;
  default?: string | number | boolean | undefined;
}

/** An event the API sends to the receiver's server: a webhook or an operation's callback. */
export interface WebhookIR {
  /** The key of the `WebhookEvents` map: the `webhooks` key, or `<operationId>.<callback name>`. */
  name: string;
  source: 'webhook' | 'callback';
  /** Callbacks: the operation registering it, and the URL expression the API calls. */
  operationId?: string | undefined;
  expression?: string | undefined;
  method: string;
  /** Where its operation is written (a JSON pointer). */
  pointer: string;
  summary?: string | undefined;
  description?: string | undefined;
  deprecated: boolean;
  payload: WebhookPayloadIR;
  /** The headers it is sent with. */
  headers: Array<{ name: string; required: boolean; type: TsType; description?: string | undefined }>;
  /** What the receiver may answer, by status as the spec writes it. */
  responses: Array<{ status: string; description?: string | undefined }>;
  /** The decided names of its payload and handler types. */
  payloadTypeName: string;
  handlerTypeName: string;
}

export interface WebhookPayloadIR {
  /** How the body is read: JSON, text, bytes, or no body at all. */
  decode: 'json' | 'text' | 'binary' | 'none';
  mediaType?: string | undefined;
  type: TsType;
  required: boolean;
  description?: string | undefined;
}
