/** Deterministic demo-agency generator (inputs in resources/demo, loaded by the caller). */
export {
  DEMO_DEFAULT_NOW,
  DEMO_DEFAULT_SEED,
  type DemoAgency,
  DemoOptions,
  generateDemoAgency,
} from './generate';
export {
  DemoCities,
  DemoCity,
  DemoInputError,
  DemoInputs,
  DemoNames,
  parseDemoInputs,
} from './inputs';
export { createRng, type Rng } from './prng';
export { buildWorkspaceUpdates, DEMO_CLIENT_ID, type WorkspaceUpdateOptions } from './ydocs';
