/** Named entities by classical rules: capitalised runs, titles, organisation and place word lists. */
export { capitalizedRuns, type CapitalizedRun } from './capitalized-runs.js';
export { classifyRun, type ClassifiedRun } from './classify-run.js';
export { countEntities, findEntityMentions, type EntityMention } from './find-entities.js';
