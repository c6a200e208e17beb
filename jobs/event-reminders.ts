import type { JobDeps } from '../bot/context.js'

// UNBUILT: filled in by the feature that owns this job.
export async function run(_deps: JobDeps): Promise<void> {}
