// Boots the bad-input worker with TypeScript support (tsx), since Node workers don't inherit loaders.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
