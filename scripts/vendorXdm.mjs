// Copies the part of Adobe's XDM repository (github.com/adobe/xdm) that the conformance test and the
// emulator validate against into test/fixtures/xdm/: the classes and field groups listed in
// test/fixtures/xdm/roots.json, every schema they reference (followed through `$ref` and
// `meta:extends`), the repository's LICENSE, and VERSION.json naming the commit.
//
//   node scripts/vendorXdm.mjs /path/to/a/checkout/of/adobe/xdm <commit>
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const [source, commit] = process.argv.slice(2);
if (!source || !/^[0-9a-f]{40}$/.test(commit ?? '')) {
  console.error('usage: node scripts/vendorXdm.mjs <adobe/xdm checkout> <commit id>');
  process.exit(1);
}
const target = 'test/fixtures/xdm';
const roots = JSON.parse(readFileSync(join(target, 'roots.json'), 'utf8'));

/** Every `*.schema.json` under `dir`. */
function schemaFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return schemaFiles(path);
    return name.endsWith('.schema.json') ? [path] : [];
  });
}

const fileOf = new Map();
for (const file of [...schemaFiles(join(source, 'components')), ...schemaFiles(join(source, 'schemas'))]) {
  const schema = JSON.parse(readFileSync(file, 'utf8'));
  if (schema.$id) fileOf.set(schema.$id, file);
}

/** The schema ids a schema points at: its `$ref`s to other files and what it extends. */
function referencedIds(node, found = new Set()) {
  if (Array.isArray(node)) node.forEach((item) => referencedIds(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && !value.startsWith('#'))
        found.add(value.split('#')[0]);
      else if (key === 'meta:extends' && Array.isArray(value)) value.forEach((id) => found.add(id));
      else referencedIds(value, found);
    }
  }
  return found;
}

const wanted = [...roots.classes, ...roots.fieldGroups];
const copied = new Set();
while (wanted.length) {
  const id = wanted.shift();
  if (copied.has(id)) continue;
  const file = fileOf.get(id);
  if (!file) throw new Error(`no schema in ${source} has the $id ${id}`);
  copied.add(id);
  wanted.push(...referencedIds(JSON.parse(readFileSync(file, 'utf8'))));
}

for (const dir of ['components', 'schemas']) rmSync(join(target, dir), { recursive: true, force: true });
for (const id of copied) {
  const file = fileOf.get(id);
  const to = join(target, relative(source, file));
  mkdirSync(dirname(to), { recursive: true });
  cpSync(file, to);
}
cpSync(join(source, 'LICENSE'), join(target, 'LICENSE'));
writeFileSync(
  join(target, 'VERSION.json'),
  `${JSON.stringify({ repository: 'https://github.com/adobe/xdm', commit, schemas: copied.size }, null, 2)}\n`,
);
console.log(`copied ${copied.size} schemas from adobe/xdm ${commit} into ${target}`);
