// Child process: runs our generator once and prints one JSON line for the bench.
//   generate <spec> <outDir>   the whole pipeline, as `npm run generate` does it
//   build <spec>               buildClient(): every stage but writing
//   stages <spec> <outDir>     the stages one by one, each timed (mirrors buildClient + write)
// `importMs` is the time to load the generator's modules (tsx transpiles them; typescript via
// ts-morph and handlebars are loaded here), `ms` the call itself.
const [mode, specPath, outDir] = process.argv.slice(2);
if (!mode || !specPath || (mode !== 'build' && !outDir)) {
  console.error('usage: run-ours.ts generate|build|stages <spec> [outDir]');
  process.exit(2);
}

const importStart = performance.now();
let result: Record<string, unknown>;
if (mode === 'generate') {
  const { generate } = await import('../../generator/pipeline.ts');
  const importMs = performance.now() - importStart;
  const t = performance.now();
  const r = await generate({ specPath, outDir });
  result = { importMs, ms: performance.now() - t, files: r.files.size, operations: r.operations, models: r.models };
} else if (mode === 'build') {
  const { buildClient } = await import('../../generator/pipeline.ts');
  const importMs = performance.now() - importStart;
  const t = performance.now();
  const r = buildClient(specPath);
  result = { importMs, ms: performance.now() - t, files: r.files.size, operations: r.operations, models: r.models };
} else if (mode === 'stages') {
  const modules = await Promise.all([
    import('../../generator/load/loadSpec.ts'),
    import('../../generator/normalize/normalize.ts'),
    import('../../generator/ir/buildIr.ts'),
    import('../../generator/view/buildView.ts'),
    import('../../generator/render/render.ts'),
    import('../../generator/postprocess/postprocess.ts'),
    import('../../generator/write/writeTree.ts'),
  ]);
  const [{ loadSpec }, { normalize }, { buildIr, DEFAULT_PACKAGE }, { buildView }, { render }, { postprocess }, { writeTreeAtomically }] = modules;
  const stages: Record<string, number> = { import: performance.now() - importStart };
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    stages[name] = now - t;
    t = now;
  };
  const loaded = loadSpec(specPath);
  lap('load');
  const spec = normalize(loaded);
  lap('normalize');
  const ir = buildIr(spec, { ...DEFAULT_PACKAGE });
  lap('ir');
  const view = buildView(ir);
  lap('view');
  const rendered = render(view);
  lap('render');
  const files = postprocess(rendered);
  lap('postprocess');
  await writeTreeAtomically(files, outDir!);
  lap('write');
  result = { stages, ms: Object.entries(stages).reduce((n, [k, v]) => (k === 'import' ? n : n + v), 0), files: files.size };
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
console.log(JSON.stringify({ mode, ...result, sinceStartMs: performance.now(), maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
