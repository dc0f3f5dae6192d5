// Fails when package-lock.json would be refused by `npm ci` on some platform: the root entry disagrees
// with package.json, or a dependency (optional ones included, such as rollup's per-platform binaries)
// has no entry that Node's resolution would find. npm only writes other platforms' optional packages
// when asked to, so a lock made on one machine can silently lack them.
import { readFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages ?? {};
const problems = [];

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
for (const field of DEPENDENCY_FIELDS) {
  const wanted = manifest[field] ?? {};
  const locked = packages['']?.[field] ?? {};
  for (const name of new Set([...Object.keys(wanted), ...Object.keys(locked)])) {
    if (wanted[name] !== locked[name]) {
      problems.push(`${field}.${name}: package.json has ${wanted[name]}, the lock has ${locked[name]}`);
    }
  }
}

/** Where Node would find `name` when required from the package installed at `from`. */
function resolves(from, name) {
  for (let dir = from; ; dir = dir.slice(0, dir.lastIndexOf('/node_modules/'))) {
    const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return true;
    if (!dir.includes('/node_modules/')) return Boolean(packages[`node_modules/${name}`]);
  }
}

for (const [path, entry] of Object.entries(packages)) {
  if (entry.link) continue;
  const needs = { ...entry.dependencies, ...entry.optionalDependencies };
  if (path === '') Object.assign(needs, entry.devDependencies);
  for (const name of Object.keys(needs)) {
    if (!resolves(path, name)) problems.push(`${path || '(root)'} needs ${name}, which the lock lacks`);
  }
}

if (problems.length > 0) {
  console.error(
    `package-lock.json is out of step (run \`npm install\` and commit the lock):\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(`package-lock.json: ${Object.keys(packages).length - 1} packages, every dependency locked.`);
