// `npm run tdfc:manifest [folder…]`: regenerates the checksums of the built-in packs' manifests
// (by default every campaign of `packages/tdfc/data/`).
import { CAMPAIGNS } from '../dictionary/types';
import { builtInPackFolder } from './built-in-packs';
import { writeManifest } from './write-manifest';

const folders = process.argv.slice(2);
for (const folder of folders.length > 0 ? folders : CAMPAIGNS.map(builtInPackFolder)) {
  const changed = writeManifest(folder);
  console.log(`${folder}manifest.json : ${changed ? 'mis à jour' : 'déjà à jour'}`);
}
