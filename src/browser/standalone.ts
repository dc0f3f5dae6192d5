import { createCommandApi } from './createCommandApi';
import { installCommandApi } from './installCommandApi';

// The entry of `edge-collector.min.js`: the command API without vitals (see vitals/standalone.ts).
installCommandApi(createCommandApi);
