// The classified API diff on real history: consecutive OpenAI spec versions from the committed
// fixtures. Each expectation comes from reading the two specs and the upstream commit subject.
import { describe, expect, it } from 'vitest';
import { diffClients, type ApiDiff } from '../generator/diff/diffIr.ts';
import { irOfSpecFile } from '../generator/diff/loadIr.ts';
import type { ClientIR } from '../generator/ir/types.ts';
import { fixtureSpec } from './helpers.ts';

const irs = new Map<string, ClientIR>();
function ir(version: string): ClientIR {
  if (!irs.has(version)) irs.set(version, irOfSpecFile(fixtureSpec(`${version}.yaml.gz`)));
  return irs.get(version)!;
}

function diff(base: string, head: string): ApiDiff {
  return diffClients(ir(base), ir(head));
}

/** `kind direction path` per change, the form the expectations are written in. */
function entries(d: ApiDiff): string[] {
  return d.changes.map((c) => `${c.kind} ${c.direction} ${c.path}`);
}

describe('api diff on consecutive OpenAI spec versions', { timeout: 180_000 }, () => {
  it('"Mark video-related endpoints as deprecated" (d2f0480 → f6a8e2f): ten deprecations, docs only on VideosApi', () => {
    const d = diff('2026-07-30-d2f0480', '2026-08-13-f6a8e2f');
    const deprecations = d.changes.filter((c) => c.deprecation).map((c) => c.path).sort();
    expect(deprecations).toEqual(
      ['createVideo', 'createVideoCharacter', 'createVideoEdit', 'createVideoExtend', 'createVideoRemix', 'deleteVideo', 'getVideo', 'getVideoCharacter', 'listVideos', 'retrieveVideoContent'].map((m) => `VideosApi.${m}`),
    );
    expect(d.changes.filter((c) => c.group === 'VideosApi').every((c) => c.kind === 'docs')).toBe(true);
  });

  it('"Remove deprecated string error type from tool call responses" (f6a8e2f → c094647): a removed union member is breaking', () => {
    const d = diff('2026-08-13-f6a8e2f', '2026-08-14-c094647');
    const error = d.changes.filter((c) => c.path === 'MCPToolCall.error' && c.kind !== 'docs');
    expect(error).toHaveLength(1);
    expect(error[0]).toMatchObject({ kind: 'breaking', base: '#/components/schemas/MCPToolCall/properties/error', head: '#/components/schemas/MCPToolCall/properties/error' });
    expect(error[0]?.message).toContain('no longer accepts string');
    expect(d.changes.find((c) => c.path === 'BetaMCPToolCall.error')?.kind).toBe('breaking');
    expect(d.bump).toBe('major');
  });

  it('"Add metadata field to chat completion response" (c094647 → b6c1bec): one output feature', () => {
    const d = diff('2026-08-14-c094647', '2026-08-14-b6c1bec');
    expect(entries(d)).toEqual(['feature output CreateChatCompletionResponse.metadata']);
    expect(d.bump).toBe('minor');
  });

  it('"Add image metadata fields to partial image data responses" (b6c1bec → 2329a66): four optional output properties, twice', () => {
    const d = diff('2026-08-14-b6c1bec', '2026-08-14-2329a66');
    const fields = ['background', 'output_format', 'quality', 'size'];
    expect(entries(d)).toEqual(['BetaResponseImageGenCallPartialImageEvent', 'ResponseImageGenCallPartialImageEvent'].flatMap((m) => fields.map((f) => `feature output ${m}.${f}`)));
    expect(d.summary).toEqual({ breaking: 0, feature: 8, docs: 0 });
  });

  it('"Add obfuscation field to chat completion chunk responses" (06a9404 → 5fd39db): one output feature on the stream chunk', () => {
    const d = diff('2026-08-19-06a9404', '2026-08-19-5fd39db');
    expect(entries(d)).toEqual(['feature output CreateChatCompletionStreamResponse.obfuscation']);
  });

  it('"Add residency field for project data residency" (13c6a94 → f85dbe2): the input field geography was renamed, which breaks', () => {
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
});
