// The classified API diff on real history: every consecutive pair of the committed OpenAI spec
// fixtures (versions.tsv, newest first). Each expectation comes from reading the two specs (their
// structural difference, prose left aside) and the upstream commit subject, not from the tool.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../generator/errors.ts';
import { apiDiff } from '../generator/diff/apiDiffCommand.ts';
import type { ApiDiff, DiffOptions } from '../generator/diff/diffIr.ts';
import { irOfSpecFile } from '../generator/diff/loadIr.ts';
import type { ClientIR } from '../generator/ir/types.ts';
import { readVersions } from '../scripts/derive-fixture.ts';
import { FIXTURE_SPECS, fixtureSpec, lineOf } from './helpers.ts';
import { BROKEN_UPSTREAM } from './support/brokenUpstream.ts';

const irs = new Map<string, ClientIR>();
function ir(version: string): ClientIR {
  if (!irs.has(version)) irs.set(version, irOfSpecFile(fixtureSpec(`${version}.yaml.gz`)));
  return irs.get(version)!;
}

function diff(base: string, head: string, options: DiffOptions = {}): ApiDiff {
  return apiDiff(ir(base), ir(head), options);
}

/** The pairs the tests below cover, `base → head`, checked against versions.tsv at the end. */
const covered = new Set<string>();
/** A test of one consecutive pair, registered as covered when the file is collected. */
function itPair(base: string, head: string, title: string, body: () => void): void {
  covered.add(`${base} → ${head}`);
  it(title, body);
}

/** `kind direction path` per change, the form the expectations are written in. */
function entries(d: ApiDiff): string[] {
  return d.changes.map((c) => `${c.kind} ${c.direction} ${c.path}`);
}

describe('api diff on consecutive OpenAI spec versions', { timeout: 180_000 }, () => {
  itPair('2026-07-30-d2f0480', '2026-08-13-f6a8e2f', '"Mark video-related endpoints as deprecated" (d2f0480 → f6a8e2f): ten deprecations, docs only on VideosApi', () => {
    const d = diff('2026-07-30-d2f0480', '2026-08-13-f6a8e2f');
    const deprecations = d.changes.filter((c) => c.deprecation).map((c) => c.path).sort();
    expect(deprecations).toEqual(
      ['createVideo', 'createVideoCharacter', 'createVideoEdit', 'createVideoExtend', 'createVideoRemix', 'deleteVideo', 'getVideo', 'getVideoCharacter', 'listVideos', 'retrieveVideoContent'].map((m) => `VideosApi.${m}`),
    );
    expect(d.changes.filter((c) => c.group === 'VideosApi').every((c) => c.kind === 'docs')).toBe(true);
  });

  itPair('2026-08-13-f6a8e2f', '2026-08-14-c094647', '"Remove deprecated string error type from tool call responses" (f6a8e2f → c094647): a removed union member is breaking', () => {
    const d = diff('2026-08-13-f6a8e2f', '2026-08-14-c094647');
    const error = d.changes.filter((c) => c.path === 'MCPToolCall.error' && c.kind !== 'docs');
    expect(error).toHaveLength(1);
    expect(error[0]).toMatchObject({ kind: 'breaking', base: '#/components/schemas/MCPToolCall/properties/error', head: '#/components/schemas/MCPToolCall/properties/error' });
    expect(error[0]?.message).toContain('no longer accepts string');
    expect(d.changes.find((c) => c.path === 'BetaMCPToolCall.error')?.kind).toBe('breaking');
    expect(d.bump).toBe('major');
  });

  itPair('2026-08-14-c094647', '2026-08-14-b6c1bec', '"Add metadata field to chat completion response" (c094647 → b6c1bec): one output feature', () => {
    const d = diff('2026-08-14-c094647', '2026-08-14-b6c1bec');
    expect(entries(d)).toEqual(['feature output CreateChatCompletionResponse.metadata']);
    expect(d.bump).toBe('minor');
  });

  itPair('2026-08-14-b6c1bec', '2026-08-14-2329a66', '"Add image metadata fields to partial image data responses" (b6c1bec → 2329a66): four optional output properties, twice', () => {
    const d = diff('2026-08-14-b6c1bec', '2026-08-14-2329a66');
    const fields = ['background', 'output_format', 'quality', 'size'];
    expect(entries(d)).toEqual(['BetaResponseImageGenCallPartialImageEvent', 'ResponseImageGenCallPartialImageEvent'].flatMap((m) => fields.map((f) => `feature output ${m}.${f}`)));
    expect(d.summary).toEqual({ breaking: 0, feature: 8, docs: 0 });
  });

  itPair('2026-08-19-06a9404', '2026-08-19-5fd39db', '"Add obfuscation field to chat completion chunk responses" (06a9404 → 5fd39db): one output feature on the stream chunk', () => {
    const d = diff('2026-08-19-06a9404', '2026-08-19-5fd39db');
    expect(entries(d)).toEqual(['feature output CreateChatCompletionStreamResponse.obfuscation']);
  });

  itPair('2026-08-21-13c6a94', '2026-08-21-f85dbe2', '"Add residency field for project data residency" (13c6a94 → f85dbe2): the input field geography was renamed, which breaks', () => {
    const d = diff('2026-08-21-13c6a94', '2026-08-21-f85dbe2');
    expect(entries(d)).toEqual([
      'breaking input ProjectCreateRequest.geography',
      'breaking input ProjectUpdateRequest.geography',
      'feature output Project.residency',
      'feature input ProjectCreateRequest.residency',
      'feature both PublicProjectResidency',
    ]);
    expect(d.bump).toBe('major');
  });

  itPair('2026-08-14-2329a66', '2026-08-15-9b457ac', '"Add new streaming events for shell command execution and output" (2329a66 → 9b457ac): new event models and stream-union members, all features', () => {
    // Read: five new ResponseShellCall…StreamingEvent schemas, ShellCallOutputDelta, their Beta twins, and the five
    // events added to the anyOf of ResponseStreamEvent, ResponsesServerEvent, ResponsesWebSocketStreamEvent (and Beta…).
    const d = diff('2026-08-14-2329a66', '2026-08-15-9b457ac');
    const events = ['ShellCallCommandAdded', 'ShellCallCommandDelta', 'ShellCallCommandDone', 'ShellCallOutputContentDelta', 'ShellCallOutputContentDone'];
    const added = d.changes.filter((c) => c.message === `model ${c.path} added`).map((c) => c.path);
    for (const prefix of ['', 'Beta']) {
      expect(added).toEqual(expect.arrayContaining([...events.map((e) => `${prefix}Response${e}StreamingEvent`), `${prefix}ShellCallOutputDelta`]));
      const union = d.changes.find((c) => c.path === `${prefix}ResponseStreamEvent`);
      expect(union).toMatchObject({ kind: 'feature', direction: 'output' });
      for (const e of events) expect(union!.message).toContain(`${prefix}Response${e}StreamingEvent`);
    }
    expect(d.changes.filter((c) => c.kind === 'breaking')).toEqual([]);
    // ResponsesWebSocketStreamEvent is `allOf: [{ anyOf: [...events] }, ...]`: its grown union is a wider
    // base type (a feature), not a parent removed and another added.
    const webSocket = d.changes.find((c) => c.path === 'ResponsesWebSocketStreamEvent');
    expect(webSocket).toMatchObject({ kind: 'feature' });
    expect(d.bump).toBe('minor');
  });

  itPair('2026-08-15-9b457ac', '2026-08-15-2186421', '"Add new event type for ads account onboarding redemption" (9b457ac → 2186421): one enum value, a feature; breaking with closed unions', () => {
    // Read: AuditLogEventType.enum gains 'tenant.ads_account.onboarding.redemption'. The enum is a list filter
    // (input: wider is a feature) and AuditLog.type (output: a new value a closed-union caller does not handle).
    const d = diff('2026-08-15-9b457ac', '2026-08-15-2186421');
    expect(d.changes.map((c) => [c.kind, c.path, c.base])).toEqual([['feature', 'AuditLogEventType', '#/components/schemas/AuditLogEventType/enum']]);
    expect(d.changes[0]?.message).toContain("'tenant.ads_account.onboarding.redemption'");
    expect(d.bump).toBe('minor');
    expect(diff('2026-08-15-9b457ac', '2026-08-15-2186421', { closedUnions: true }).bump).toBe('major');
  });

  itPair('2026-08-15-2186421', '2026-08-19-06a9404', '"Increase max length for encrypted_content in compaction summaries" (2186421 → 06a9404): nothing the client declares changed', () => {
    // Read: only maxLength of CompactionSummaryItemParam.encrypted_content (and the Beta twin) doubled; the
    // generated client neither types nor documents maxLength, so its API is the same.
    const d = diff('2026-08-15-2186421', '2026-08-19-06a9404');
    expect(d.changes).toEqual([]);
    expect(d.bump).toBe('none');
  });

  itPair('2026-08-19-5fd39db', '2026-08-20-b8d775d', '"Add gpt-image-2 models to image generation and editing APIs" (5fd39db → b8d775d): new known model values on inputs, features', () => {
    // Read: 'gpt-image-2' and 'gpt-image-2-2026-04-21' added to the enum branch of `model` (anyOf [string, enum])
    // in CreateImageRequest, CreateImageEditRequest, EditImageBodyJsonParam and ImageGenTool; descriptions reworded.
    const d = diff('2026-08-19-5fd39db', '2026-08-20-b8d775d');
    const features = d.changes.filter((c) => c.kind === 'feature');
    expect(features.map((c) => c.path)).toEqual(['CreateImageEditRequestModel', 'CreateImageRequestModel', 'EditImageBodyJsonParamModel', 'ImageGenToolModel']);
    for (const c of features) expect(c.message).toContain("'gpt-image-2', 'gpt-image-2-2026-04-21'");
    expect(d.summary.breaking).toBe(0);
    expect(d.changes.filter((c) => c.kind === 'docs').every((c) => c.message.endsWith('description changed'))).toBe(true);
    expect(d.bump).toBe('minor');
  });

  itPair('2026-08-20-b8d775d', '2026-08-20-e68e9be', '"Add chatgpt-image-latest as a new image generation model option" (b8d775d → e68e9be): only prose changed, docs', () => {
    // Read: no enum value was added; only the description of ImageGenTool.model's enum branch (and the Beta twin) changed.
    const d = diff('2026-08-20-b8d775d', '2026-08-20-e68e9be');
    expect(d.summary).toMatchObject({ breaking: 0, feature: 0 });
    expect(d.changes.map((c) => c.path)).toEqual(expect.arrayContaining(['ImageGenTool.model', 'BetaImageGenTool.model']));
    expect(d.bump).toBe('patch');
  });

  itPair('2026-08-20-e68e9be', '2026-08-20-b0da4ea', '"Clarify variable length of output audio deltas in translation event" (e68e9be → b0da4ea): one model description, docs', () => {
    const d = diff('2026-08-20-e68e9be', '2026-08-20-b0da4ea');
    expect(entries(d)).toEqual(['docs both RealtimeTranslationServerEventSessionOutputAudioDelta']);
    expect(d.bump).toBe('patch');
  });

  itPair('2026-08-20-b0da4ea', '2026-08-20-010421d', '"Clarify transparent background support for GPT image models" (b0da4ea → 010421d): five property descriptions, docs', () => {
    const d = diff('2026-08-20-b0da4ea', '2026-08-20-010421d');
    expect(d.changes.map((c) => `${c.kind} ${c.path}`)).toEqual(
      ['BetaImageGenTool', 'CreateImageEditRequest', 'CreateImageRequest', 'EditImageBodyJsonParam', 'ImageGenTool'].map((m) => `docs ${m}.background`),
    );
    expect(d.bump).toBe('patch');
  });

  itPair('2026-08-20-010421d', '2026-08-21-13c6a94', '"Add quantity_unit field to organization costs results" (010421d → 13c6a94): an optional output property, a feature', () => {
    // Read: CostsResult gains optional quantity_unit: anyOf [string, enum of units, null]; CostsResult is only in responses.
    const d = diff('2026-08-20-010421d', '2026-08-21-13c6a94');
    expect(d.changes.find((c) => c.path === 'CostsResult.quantity_unit')).toMatchObject({ kind: 'feature', direction: 'output', base: null, head: '#/components/schemas/CostsResult/properties/quantity_unit' });
    expect(d.summary).toMatchObject({ breaking: 0, docs: 0 });
    expect(d.bump).toBe('minor');
  });

  itPair('2025-03-22-1ff8b64', '2026-07-30-d2f0480', '"Update openapi.yaml" (1ff8b64 → d2f0480, a year apart): 161 operations added, none removed, removed schemas, a rename and a moved endpoint break', () => {
    // Read (operation ids and component schema names of both specs): 161 new operation ids and none gone;
    // deleteFineTuningCheckpointPermission now ends in /{permission_id}; 33 component schemas are gone.
    const d = diff('2025-03-22-1ff8b64', '2026-07-30-d2f0480');
    const operations = d.changes.filter((c) => /^operation \S+ \S+ (added|removed)$/.test(c.message));
    expect(operations.filter((c) => c.message.endsWith('removed'))).toEqual([]);
    expect(operations.filter((c) => c.message.endsWith('added'))).toHaveLength(161);
    expect(d.changes.find((c) => c.path === 'FineTuningApi.deleteFineTuningCheckpointPermission' && c.message.startsWith('endpoint moved'))?.kind).toBe('breaking');
    // Read: /api_keys/{key_id} became /api_keys/{api_key_id}: the same URL and argument, only the variable's name.
    for (const method of ['retrieveProjectApiKey', 'deleteProjectApiKey']) {
      expect(d.changes.filter((c) => c.path.startsWith(`ProjectsApi.${method}`) && /endpoint moved|key_id/.test(c.message)).map((c) => `${c.kind} ${c.message}`)).toEqual([
        'docs path parameter renamed: key_id → api_key_id (same URL, same argument position)',
      ]);
    }
    // Read: Invite's required integer invited_at is gone and a required integer created_at came: a rename, breaking.
    expect(d.changes.filter((c) => c.group === 'Invite' && /invited_at|created_at/.test(c.path)).map((c) => `${c.kind} ${c.message}`)).toEqual(['breaking property renamed: invited_at → created_at']);
    for (const gone of ['CancelUploadRequest', 'DefaultProjectErrorResponse', 'ListThreadsResponse', 'ResponseTextAnnotationDeltaEvent']) {
      expect(d.changes.find((c) => c.path === gone)).toMatchObject({ kind: 'breaking', message: `model ${gone} removed`, head: null });
    }
    expect(d.bump).toBe('major');
  });

  itPair('2023-06-28-a33b9f9', '2025-03-22-1ff8b64', `"Update content docstring" (${BROKEN_UPSTREAM} → 1ff8b64): the base is not YAML, so there is no diff, only its located error`, () => {
    const spec = fixtureSpec(BROKEN_UPSTREAM);
    const failure = (() => {
      try {
        return diff('2023-06-28-a33b9f9', '2025-03-22-1ff8b64');
      } catch (err) {
        return err;
      }
    })();
    expect(failure).toBeInstanceOf(SpecError);
    expect((failure as SpecError).diagnostics[0]).toMatchObject({ file: spec, line: lineOf(spec, 'enum: enum:'), severity: 'error' });
  });

  it('covers every consecutive pair of versions.tsv', () => {
    const oldestFirst = readVersions(join(FIXTURE_SPECS, 'versions.tsv')).map((row) => row.file.replace(/\.yaml\.gz$/, '')).reverse();
    const pairs = oldestFirst.slice(1).map((head, i) => `${oldestFirst[i]} → ${head}`);
    expect(pairs.filter((p) => !covered.has(p))).toEqual([]);
  });
});
