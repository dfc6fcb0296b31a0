/**
 * `npm run build:workflows`: bundles the workflows once into dist/workflows/<hash>/ (for an image
 * build or a deployment step), so that every worker replica starts without bundling. A worker
 * whose sources differ from the prebuilt bundle's bundles in memory instead, never runs a stale one.
 */
import { workflowBundle } from '../workers/workflow-bundle';

async function run(): Promise<void> {
  const started = Date.now();
  const bundle = await workflowBundle({ rebuild: process.argv.includes('--force') });
  console.log(`[amtsweg] workflow bundle ${bundle.hash} ${bundle.prebuilt ? 'is up to date' : `built in ${((Date.now() - started) / 1000).toFixed(1)} s`} (dist/workflows/${bundle.hash})`);
}

run().catch((error) => {
  console.error(error);
  process.exit(1);
});
