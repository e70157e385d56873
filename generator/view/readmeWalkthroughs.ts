// The README's walkthroughs (templates/README.md.hbs) are worked examples written for OpenAI's
// API: each calls one method by name (`ChatApi.createChatCompletion`), so each applies when the
// client has that method with the meaning the example relies on (a stream a flag selects, a
// multipart upload, a binary answer). This table is the one place that names them. The paging
// example comes from the spec's own operations (pagingExampleOf).
import type { ClientIR, OperationIR } from '../ir/types.ts';
import type { WalkthroughName } from './types.ts';

interface Walkthrough {
  className: string;
  methodName: string;
  applies: (op: OperationIR) => boolean;
}

const WALKTHROUGHS: Record<WalkthroughName, Walkthrough> = {
  chat: { className: 'ChatApi', methodName: 'createChatCompletion', applies: (op) => op.stream?.selectedByFlag === true },
  files: { className: 'FilesApi', methodName: 'createFile', applies: (op) => op.requestBody !== undefined && /^multipart\/form-data/i.test(op.requestBody.sent.mediaType) },
  speech: { className: 'AudioApi', methodName: 'createSpeech', applies: (op) => op.result.decode === 'binary' },
};

export function readmeWalkthroughs(ir: ClientIR): Record<WalkthroughName, boolean> {
  const applies = ({ className, methodName, applies: test }: Walkthrough) => {
    const op = ir.apis.find((a) => a.className === className)?.operations.find((o) => o.methodName === methodName);
    return op !== undefined && test(op);
  };
  return { chat: applies(WALKTHROUGHS.chat), files: applies(WALKTHROUGHS.files), speech: applies(WALKTHROUGHS.speech) };
}
