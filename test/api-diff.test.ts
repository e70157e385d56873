// Consecutive commits of OpenAI's spec (committed fixtures, prose replaced): a real spec change shows up as a
// small diff naming exactly the files it touched, with the API report telling the story.
import { describe, expect, it } from 'vitest';
import { buildClient } from '../generator/pipeline.ts';
import { fixtureSpec } from './helpers.ts';

function diff(before: string, after: string) {
  const a = buildClient(fixtureSpec(`${before}.yaml.gz`)).files;
  const b = buildClient(fixtureSpec(`${after}.yaml.gz`)).files;
  const changed = [...new Set([...a.keys(), ...b.keys()])].filter((p) => a.get(p) !== b.get(p)).sort();
  return { a, b, changed };
}

describe('API diffs between consecutive real spec versions', () => {
  it('"Add metadata field to chat completion response" touches one model', { timeout: 120_000 }, () => {
    const { a, b, changed } = diff('2026-08-14-c094647', '2026-08-14-b6c1bec');
    expect(changed).toEqual(['api-report.md', 'docs/CreateChatCompletionResponse.md', 'src/models/CreateChatCompletionResponse.ts']);
    expect(a.get('src/models/CreateChatCompletionResponse.ts')).not.toContain('metadata?:');
    expect(b.get('src/models/CreateChatCompletionResponse.ts')).toContain('  metadata?: Metadata | null | undefined;');
    expect(b.get('docs/CreateChatCompletionResponse.md')).toContain('| **metadata** | [**Metadata**](Metadata.md) \\| null |');
  });

  it('"Add obfuscation field to chat completion chunk responses" touches one model', { timeout: 120_000 }, () => {
    const { b, changed } = diff('2026-08-19-06a9404', '2026-08-19-5fd39db');
    expect(changed).toEqual(['api-report.md', 'docs/CreateChatCompletionStreamResponse.md', 'src/models/CreateChatCompletionStreamResponse.ts']);
    expect(b.get('src/models/CreateChatCompletionStreamResponse.ts')).toContain('obfuscation?: string | undefined;');
  });

  it('"Add residency field for project data residency" adds an enum model and uses it', { timeout: 120_000 }, () => {
    const { b, changed } = diff('2026-08-21-13c6a94', '2026-08-21-f85dbe2');
    expect(changed).toContain('src/models/PublicProjectResidency.ts');
    expect(changed).toContain('src/index.ts');
    expect(changed).toContain('README.md'); // the model list
    expect(changed.filter((p) => p.startsWith('src/apis/'))).toEqual([]);
    expect(b.get('src/models/PublicProjectResidency.ts')).toContain("UsStorageProcessing: 'US_STORAGE_PROCESSING',");
    expect(b.get('api-report.md')).toContain('  residency?: PublicProjectResidency | undefined;');
  });
});
