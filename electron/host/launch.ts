// The browser host's entry point. Before anything else is loaded it turns on Node's compile cache, which keeps
// the compiled form of the host's modules between runs (in Node's own folder under the system's temp folder):
// a host started every morning then skips compiling its code again, about a sixth of its time to listening.
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./cli');
