import { readFile } from 'node:fs/promises';
import { indexFigures } from '../scripts/bench/search';
const [moduleFile, assets] = process.argv.slice(2);
console.log(JSON.stringify(await indexFigures(await readFile(moduleFile!, 'utf8'), assets!), null, 1));
