// Method signatures, given → want: the parameter lists both the API class and its doc page print.
import { describe, expect, it } from 'vitest';
import { signatureOf } from './signatures.ts';
import type { ParamView } from './types.ts';

const arg = (varName: string, tsType: string, required: boolean, isBody = false) => ({ varName, tsType, required, isBody }) as ParamView;
const id = arg('id', 'string', true);
const body = arg('chatRequest', 'ChatRequest', true, true);
const optionalBody = arg('body', 'Blob', false, true);

describe('signatureOf', () => {
  it.each<[string, ParamView[], string | undefined, boolean, Record<string, string>]>([
    ['no arguments', [], undefined, false, { params: 'options?: RequestOptions', call: 'options', plainParams: 'options?: RequestOptions', specParams: '', specCall: '' }],
    ['a path id and options', [id], 'GetOpts', false, { params: 'id: string, opts?: GetOpts, options?: RequestOptions', call: 'id, opts, options', specParams: 'id: string, opts?: GetOpts', specCall: 'id, opts' }],
    ['an optional body keeps its ?', [optionalBody], undefined, false, { params: 'body?: Blob, options?: RequestOptions', plainParams: 'body?: Blob, options?: RequestOptions', plainCall: 'body, options' }],
    [
      'a body whose stream flag selects the stream',
      [id, body],
      undefined,
      true,
      {
        params: 'id: string, chatRequest: ChatRequest, options?: RequestOptions',
        streamOverloadParams: 'id: string, chatRequest: ChatRequest & { stream: true }, options?: RequestOptions',
        plainOverloadParams: 'id: string, chatRequest: ChatRequest & { stream?: false | null }, options?: RequestOptions',
        plainParams: 'id: string, chatRequest: ChatRequest & { stream?: false | null }, options?: RequestOptions',
        plainCall: 'id, chatRequest as ChatRequest & { stream?: false | null }, options',
        // The spec builder takes the body whatever its flag: the stream method sets it.
        specParams: 'id: string, chatRequest: ChatRequest',
        specCall: 'id, chatRequest',
      },
    ],
  ])('%s', (_name, positional, opts, streamFlag, want) => {
    expect(signatureOf(positional, opts, streamFlag)).toMatchObject(want);
  });
});
