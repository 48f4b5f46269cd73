// A worker thread cannot inherit the TypeScript loader its parent runs under, so it registers tsx
// itself and then loads the real worker (compile-worker.ts).
import { register } from 'tsx/esm/api'

register()
await import('./compile-worker.ts')
