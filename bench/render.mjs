// Renders the last run's report again from its raw figures (bench/results/raw.tmp, or the file given), for
// example after changing how the report is written. Measures nothing.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { render } from './lib/render.mjs';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));
const raw = JSON.parse(readFileSync(process.argv[2] ?? 'bench/results/raw.tmp', 'utf8'));
console.log(render(raw));
