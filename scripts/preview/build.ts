/**
 * Builds the preview pages: every component of PREVIEW compiled by the LWC open-source compiler
 * with the real base components (lightning-base-components) under synthetic shadow and global
 * SLDS CSS, the way Lightning renders them; the platform's data modules (LDS, Apex, schema
 * imports, the clock) are replaced by scripts/preview/runtime, fed by the Jest fixtures.
 */
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import replacePlugin, { type RollupReplaceOptions } from '@rollup/plugin-replace';
import lwc from '@lwc/rollup-plugin';
import { rollup, type Plugin } from 'rollup';
import { PREVIEW, type Answer, type PreviewComponent } from './scenarios.ts';

const LWC_DIR = 'force-app/main/default/lwc';
const RUNTIME = resolve(import.meta.dirname, 'runtime');
const require = createRequire(import.meta.url);
// The plugin's types describe its CommonJS export as a namespace; at run time the default import is the function.
const replace = replacePlugin as unknown as (options: RollupReplaceOptions) => Plugin;
/** A package as the `lwc` package (pinned in package.json) resolves it: its own engine, not sfdx-lwc-jest's. */
const fromLwc = (name: string) => createRequire(require.resolve('lwc')).resolve(name);

/** Platform modules the preview answers itself, by import specifier. */
const RUNTIME_MODULES: Record<string, string> = {
  'preview/state': 'state.js',
  'lightning/uiRecordApi': 'uiRecordApi.js',
  'lightning/uiObjectInfoApi': 'uiObjectInfoApi.js',
  'lightning/uiRelatedListApi': 'uiRelatedListApi.js',
  '@salesforce/apex': 'apex.js',
  'c/clock': 'clock.js',
};

/** `@salesforce/schema/X.Y` and `@salesforce/apex/Class.method`, as virtual modules. */
function platformModules(): Plugin {
  const prefix = '\0preview:';
  return {
    name: 'revops-preview-platform',
    resolveId(source) {
      if (RUNTIME_MODULES[source]) return join(RUNTIME, RUNTIME_MODULES[source]);
      if (source.startsWith('@salesforce/schema/') || source.startsWith('@salesforce/apex/')) return prefix + source;
      return null;
    },
    load(id) {
      if (!id.startsWith(prefix)) return null;
      const source = id.slice(prefix.length);
      if (source.startsWith('@salesforce/schema/')) {
        const [objectApiName, ...field] = source.slice('@salesforce/schema/'.length).split('.');
        const value = field.length ? { objectApiName, fieldApiName: field.join('.') } : { objectApiName };
        return `export default ${JSON.stringify(value)};`;
      }
      // An Apex method works wired (its .adapter) and called imperatively, as on the platform.
      const method = source.slice('@salesforce/apex/'.length);
      return [
        `import { fixtureAdapter, fixtureCall } from 'preview/state';`,
        `const method = fixtureCall(${JSON.stringify(method)});`,
        `method.adapter = fixtureAdapter(${JSON.stringify(method)});`,
        'export default method;',
      ].join('\n');
    },
  };
}

async function answer(component: string, a: Answer | undefined): Promise<unknown> {
  if (!a) return undefined;
  if ('error' in a) return { error: a.error };
  const file = join(LWC_DIR, component, '__tests__', 'data', `${a.fixture}.json`);
  return { data: JSON.parse(await readFile(file, 'utf8')) };
}

async function answers(component: string, map: Readonly<Record<string, Answer>> | undefined) {
  const out: Record<string, unknown> = {};
  for (const [name, a] of Object.entries(map ?? {})) out[name] = await answer(component, a);
  return out;
}

const tagOf = (name: string) => `c-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The page script of one component: every state, one under the other, each with its title. */
async function entrySource(c: PreviewComponent): Promise<string> {
  const states = [];
  for (const s of c.states) {
    const props: Record<string, unknown> = { ...s.props };
    for (const [prop, fixture] of Object.entries(s.fixtureProps ?? {}))
      props[prop] = ((await answer(c.name, { fixture })) as { data: unknown }).data;
    states.push({
      title: s.title,
      props,
      wires: await answers(c.name, s.wires),
      calls: await answers(c.name, s.calls),
    });
  }
  return `import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import { setState } from 'preview/state';
import Component from 'c/${c.name}';

const states = ${JSON.stringify(states)};
const root = document.getElementById('states');
for (const state of states) {
  const section = document.createElement('section');
  section.className = 'preview-state';
  const title = document.createElement('h2');
  title.className = 'slds-text-title_caps preview-title';
  title.textContent = state.title;
  section.appendChild(title);
  setState(state);
  const element = createElement(${JSON.stringify(tagOf(c.name))}, { is: Component });
  Object.assign(element, state.props);
  section.appendChild(element);
  root.appendChild(section);
}
// Wires answer on the next microtasks and icons load as chunks: the screenshot waits for this flag.
setTimeout(() => { window.__previewRendered = true; }, 0);
`;
}

const page = (c: PreviewComponent) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>${c.name}</title>
<link rel="stylesheet" href="assets/styles/salesforce-lightning-design-system.min.css">
<style>
  html, body { background: #f3f3f3; }
  body { margin: 0; padding: 16px; }
  .preview-state { margin-bottom: 20px; }
  .preview-title { margin: 0 0 6px 4px; color: #444; }
</style>
</head>
<body class="slds-scope">
<main id="states"></main>
<script type="module" src="${c.name}.js"></script>
</body>
</html>
`;

export interface PreviewBuild {
  readonly dir: string;
  readonly components: readonly string[];
}

/** Builds every preview page into `dir` (emptied first). */
export async function buildPreview(root: string, dir: string, components = PREVIEW): Promise<PreviewBuild> {
  await rm(dir, { recursive: true, force: true });
  const work = join(dir, '.modules');
  await mkdir(work, { recursive: true });
  // The module resolver takes the namespace from the folder name: c/ → the project's lwc folder.
  await symlink(resolve(root, LWC_DIR), join(work, 'c'), 'dir');
  const input: Record<string, string> = {};
  for (const c of components) {
    const entry = join(work, `${c.name}.entry.js`);
    await writeFile(entry, await entrySource(c));
    input[c.name] = entry;
    await writeFile(join(dir, `${c.name}.html`), page(c));
  }
  const bundle = await rollup({
    input,
    plugins: [
      platformModules(),
      replace({
        preventAssignment: true,
        values: { 'process.env.NODE_ENV': JSON.stringify('production'), 'import.meta.env.SSR': 'false' },
      }),
      lwc({
        rootDir: work,
        // One LWC version for compiler, engine and synthetic shadow: the `lwc` package's own.
        defaultModules: [
          { name: 'lwc', path: fromLwc('@lwc/engine-dom') },
          ...['engine-dom', 'synthetic-shadow', 'wire-service'].map((m) => ({
            name: `@lwc/${m}`,
            path: fromLwc(`@lwc/${m}`),
          })),
        ],
        modules: [{ dir: work }, { npm: 'lightning-base-components' }],
        // Base inputs (combobox...) are form-associated: attachInternals must work under synthetic shadow.
        enableSyntheticElementInternals: true,
      }),
    ],
    onwarn(warning, warn) {
      // Base components ship circular imports and `this` at module level; neither matters here.
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      // The base components' own template warnings (duplicate slots...) are theirs, not ours.
      if (`${warning.id ?? ''}${warning.message}`.includes('lightning-base-components')) return;
      warn(warning);
    },
  });
  await bundle.write({ dir, format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' });
  await bundle.close();
  const slds = require.resolve('@salesforce-ux/design-system/package.json').replace(/package\.json$/, 'assets');
  await cp(join(slds, 'styles'), join(dir, 'assets', 'styles'), { recursive: true });
  return { dir, components: components.map((c) => c.name) };
}
