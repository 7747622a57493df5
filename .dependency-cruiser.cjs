// The layering of src/, checked by `npm run lint` (README: "The source tree").
// STAGES is the pipeline in order: a module may import its own stage and the stages before it,
// never one after it. export's sub-folders are stages of their own, in the same list.
const STAGES = [
  'core', // errors, problems, labels, paths: what every stage shares
  'engine', // the Marp engine and its markdown-it tokens
  'fonts', // the embedded fonts and their subsets
  'load', // reading the deck folder
  'validate', // the rules, and the validated deck model
  'theme', // the deck's Marp theme
  'compose', // generated slides, layouts and the composed markdown
  'render', // Marp's HTML and the resource audit
  'export/output', // output folder, staging, cache
  'export/browser', // Chromium and its windows
  'export/html',
  'export/pdf',
  'export/pptx',
  'export/images',
  'build', // the format table and the job runner
  'check',
  'dev',
  'scaffold',
  'import', // lectern import: a deck folder from one Marp file
  'cli', // flags, the reporter, exit codes
];

const folder = (stage) => `^src/${stage}/`;
const later = (i) => STAGES.slice(i + 1);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make the pipeline unreadable: move the shared type below both.',
      from: {},
      to: { circular: true },
    },
    ...STAGES.map((stage, i) => ({
      name: `stage-order-${stage.replace('/', '-')}`,
      severity: 'error',
      comment: `${stage} comes before ${later(i).join(', ') || 'nothing'} in the pipeline and may not import them.`,
      from: { path: folder(stage) },
      to: { path: later(i).length ? `^src/(${later(i).join('|')})/` : '^$' },
    })),
    {
      name: 'every-module-in-a-stage',
      severity: 'error',
      comment: 'src/ holds folders only: put the module in the stage that needs it (see STAGES).',
      from: { path: '^src/', pathNot: [`^src/(${STAGES.join('|')})/`, '^src/types/'] },
      to: {},
    },
    {
      name: 'no-import-of-loose-modules',
      severity: 'error',
      comment: 'src/ holds folders only: put the module in the stage that needs it (see STAGES).',
      from: {},
      to: { path: '^src/[^/]+$' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to no file fails at run time.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'A module no one imports is dead code (or a loose file outside the stages).',
      from: { orphan: true, path: '^src/', pathNot: ['^src/types/', '\\.d\\.ts$', '^src/cli/main\\.ts$'] },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|tests|scripts)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Packages' `exports` maps, as Node resolves them (css-tree/tokenizer is a subpath export).
    enhancedResolveOptions: {
      extensions: ['.ts', '.js'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
