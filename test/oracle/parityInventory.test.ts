// Parity inventories on small hand-made trees (no Java).
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareCategory,
  compareInventories,
  formatParityTable,
  readOursInventory,
  readRubyInventory,
  rubyMethodToOurs,
  tsClassMethods,
} from '../../generator/oracle/parity.ts';

let dir: string;

async function put(file: string, text = ''): Promise<void> {
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await writeFile(path.join(dir, file), text);
}

const CHAT_API_RB = `=begin
#OpenAI API
=end

require 'cgi'

module OpenApiOpenAIClient
  class ChatApi
    attr_accessor :api_client

    def initialize(api_client = ApiClient.default)
      @api_client = api_client
    end
    # Creates a model response.
    def create_chat_completion(create_chat_completion_request, opts = {})
      data, _status_code, _headers = create_chat_completion_with_http_info(create_chat_completion_request, opts)
      data
    end

    def create_chat_completion_with_http_info(create_chat_completion_request, opts = {})
      if @api_client.config.debugging
      end
    end

    def list_mcp_tools(opts = {})
    end
  end
end
`;

const CHAT_API_TS = `import { BaseApi } from '../runtime/BaseApi.ts';

/** Chat. */
export class ChatApi extends BaseApi {
  /**
   * Creates a model response: see createChatCompletion(request).
   */
  async createChatCompletion(request: CreateChatCompletionRequest, init?: RequestInit): Promise<CreateChatCompletionResponse> {
    const { data } = await this.createChatCompletionWithHttpInfo(request, init);
    validate(request);
    return data;
  }

  createChatCompletionWithHttpInfo(
    request: CreateChatCompletionRequest,
    init?: RequestInit,
  ): Promise<ApiResponse<CreateChatCompletionResponse>> {
    return this.request({ method: 'POST', path: '/chat/completions' });
  }

  listMCPTools<T>(init?: RequestInit): Promise<T> {
    return this.request(init);
  }

  private encode(x: unknown): string {
    return String(x);
  }

  constructor(config: Configuration) {
    super(config);
  }
}

function validate(_x: unknown): void {}
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parity-inv-'));
  await put('ruby/lib/openapi_openai/api/chat_api.rb', CHAT_API_RB);
  await put('ruby/lib/openapi_openai/api/audio_api.rb', 'module OpenApiOpenAIClient\n  class AudioApi\n    def create_speech(req, opts = {})\n    end\n  end\nend\n');
  await put('ruby/lib/openapi_openai/models/create_chat_completion_request.rb', 'module OpenApiOpenAIClient\n  class CreateChatCompletionRequest < ApiModelBase\n  end\nend\n');
  await put('ruby/lib/openapi_openai/models/chat_completion_request_message.rb', 'module OpenApiOpenAIClient\n  module ChatCompletionRequestMessage\n    class << self\n    end\n  end\nend\n');
  await put('ruby/lib/openapi_openai/models/mcp_tool_filter.rb', 'module OpenApiOpenAIClient\n  class MCPToolFilter < ApiModelBase\n  end\nend\n');
  await put('ruby/lib/openapi_openai.rb', 'module OpenApiOpenAIClient\nend\n');
  for (const d of ['ChatApi', 'AudioApi', 'CreateChatCompletionRequest', 'ChatCompletionRequestMessage', 'MCPToolFilter']) await put(`ruby/docs/${d}.md`, `# ${d}\n`);

  await put('ours/src/apis/ChatApi.ts', CHAT_API_TS);
  await put('ours/src/apis/index.ts', "export * from './ChatApi.ts';\n");
  await put('ours/src/models/CreateChatCompletionRequest.ts', 'export interface CreateChatCompletionRequest {}\n');
  await put('ours/src/models/ChatCompletionRequestMessage.ts', 'export type ChatCompletionRequestMessage = string;\n');
  await put('ours/src/models/McpToolFilter.ts', 'export interface McpToolFilter {}\n');
  await put('ours/src/models/Extra.ts', 'export interface Extra {}\n');
  await put('ours/src/models/index.ts', '');
  for (const d of ['ChatApi', 'CreateChatCompletionRequest', 'ChatCompletionRequestMessage', 'McpToolFilter', 'Extra']) await put(`ours/docs/${d}.md`, `# ${d}\n`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('inventories', () => {
  it('maps Ruby snake_case methods to camelCase', () => {
    expect(rubyMethodToOurs('create_chat_completion')).toBe('createChatCompletion');
    expect(rubyMethodToOurs('create_chat_completion_with_http_info')).toBe('createChatCompletionWithHttpInfo');
    expect(rubyMethodToOurs('admin_api_keys_create')).toBe('adminApiKeysCreate');
  });

  it('reads the Ruby tree: classes, defs (not initialize), declared model names, docs', async () => {
    expect(await readRubyInventory(path.join(dir, 'ruby'))).toEqual({
      apis: ['AudioApi', 'ChatApi'],
      operations: [
        'AudioApi.createSpeech',
        'ChatApi.createChatCompletion',
        'ChatApi.createChatCompletionWithHttpInfo',
        'ChatApi.listMcpTools',
      ],
      models: ['ChatCompletionRequestMessage', 'CreateChatCompletionRequest', 'MCPToolFilter'],
      docs: ['AudioApi', 'ChatApi', 'ChatCompletionRequestMessage', 'CreateChatCompletionRequest', 'MCPToolFilter'],
    });
  });

  it('reads our tree: public methods at member indentation, model files, docs', async () => {
    expect(await readOursInventory(path.join(dir, 'ours'))).toEqual({
      apis: ['ChatApi'],
      operations: ['ChatApi.createChatCompletion', 'ChatApi.createChatCompletionWithHttpInfo', 'ChatApi.listMCPTools'],
      models: ['ChatCompletionRequestMessage', 'CreateChatCompletionRequest', 'Extra', 'McpToolFilter'],
      docs: ['ChatApi', 'ChatCompletionRequestMessage', 'CreateChatCompletionRequest', 'Extra', 'McpToolFilter'],
    });
  });

  it('skips calls in method bodies and private members', () => {
    expect(tsClassMethods(CHAT_API_TS)).toEqual([
      { name: 'ChatApi', methods: ['createChatCompletion', 'createChatCompletionWithHttpInfo', 'listMCPTools'] },
    ]);
  });

  it('reads an empty or missing tree as empty', async () => {
    expect(await readOursInventory(path.join(dir, 'nothing'))).toEqual({ apis: [], operations: [], models: [], docs: [] });
  });
});

describe('comparison', () => {
  it('counts exact matches, normalization matches, missing and extra', async () => {
    const report = compareInventories(await readRubyInventory(path.join(dir, 'ruby')), await readOursInventory(path.join(dir, 'ours')));
    expect(report.categories.apis).toEqual({
      ruby: 2,
      ours: 1,
      matched: 1,
      matchedByNormalization: [],
      missingOnOurSide: ['AudioApi'],
      extraOnOurSide: [],
      percent: 50,
      percentWithNormalization: 50,
    });
    expect(report.categories.operations.matched).toBe(2);
    expect(report.categories.operations.matchedByNormalization).toEqual([{ ruby: 'ChatApi.listMcpTools', ours: 'ChatApi.listMCPTools' }]);
    expect(report.categories.operations.missingOnOurSide).toEqual(['AudioApi.createSpeech']);
    expect(report.categories.operations.percent).toBe(50);
    expect(report.categories.operations.percentWithNormalization).toBe(75);
    expect(report.categories.models).toMatchObject({
      ruby: 3,
      ours: 4,
      matched: 2,
      matchedByNormalization: [{ ruby: 'MCPToolFilter', ours: 'McpToolFilter' }],
      missingOnOurSide: [],
      extraOnOurSide: ['Extra'],
      percent: 66.66,
    });
    const table = formatParityTable(report);
    expect(table).toMatch(/^category\s+ruby\s+ours\s+matched\s+normalized\s+missing\s+extra\s+%$/m);
    expect(table).toMatch(/^apis\s+2\s+1\s+1\s+0\s+1\s+0\s+50\.00$/m);
    expect(table).toContain('models extra on our side (1): Extra');
    expect(table).toContain('models matched by normalization (1): MCPToolFilter~McpToolFilter');
  });

  it('is 100% only when nothing is missing, and truncates long lists in the table', () => {
    const ruby = Array.from({ length: 3000 }, (_, i) => `M${i}`);
    expect(compareCategory(ruby, ruby.slice(1)).percent).toBe(99.96);
    expect(compareCategory(ruby, ruby.slice(0, 2999).concat('X')).percent).toBeLessThan(100);
    expect(compareCategory([], []).percent).toBe(100);
    const report = compareInventories(
      { apis: [], operations: [], models: ruby, docs: [] },
      { apis: [], operations: [], models: [], docs: [] },
    );
    expect(formatParityTable(report, 3)).toContain('models missing on our side (3000): M0, M1, M2, … (+2997)');
  });
});
