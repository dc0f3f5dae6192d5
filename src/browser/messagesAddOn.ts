import { explainConfigProblem } from '../core/explainConfigProblem';
import { ADD_ON_EVENT } from './loadAddOn';

// The entry of `edge-collector.messages.min.js`: the texts that say what is wrong with a refused
// configuration, loaded only when `configure` refuses one (see createCommandApi), so that pages
// configured right never download them.
dispatchEvent(new CustomEvent(ADD_ON_EVENT + 'messages', { detail: explainConfigProblem }));
