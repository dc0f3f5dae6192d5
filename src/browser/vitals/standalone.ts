import { createCommandApi } from '../createCommandApi';
import { installCommandApi } from '../installCommandApi';
import { attachWebVitals } from './attachWebVitals';

// The entry of `edge-collector.vitals.min.js`: the same command API, plus Core Web Vitals started
// at `configure` unless it says `webVitals: false`.
installCommandApi(() =>
  createCommandApi({
    onConfigure(collector, options) {
      if (options.webVitals !== false) attachWebVitals(collector);
    },
  }),
);
