// The demo world: loopback simulators of Maskinporten, ID-porten, Altinn and Skatteetaten's K&B API,
// seeded with the story of actors.md. Independent of electron/core: it keeps its own wire types.
export { startDemoWorld } from './world';
export { measureDemoWorld, type DemoWorldMeasurement } from './benchmark';
export type {
  DecodedJwt,
  DemoPerson,
  DemoWorld,
  DemoWorldAdmin,
  DemoWorldInfo,
  DemoWorldOptions,
  DemoWorldSettings,
  DemoWorldUrls,
  FaultSpec,
  LoseAnswerFaultSpec,
  RandomFaultSpec,
  JsonWebKey,
  MaskinportenErrorForm,
  Preset,
  ServiceName,
  TrafficEntry,
} from './types';
