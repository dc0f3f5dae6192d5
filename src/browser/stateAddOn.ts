import { createStateCookieWriter } from './delivery/writeStateCookies';
import { ADD_ON_EVENT } from './loadAddOn';

// The entry of `edge-collector.state.min.js`: hands a state cookie writer (the Edge Network's state
// as cookies on the registrable domain) to the standalone script that inserted it, which loads it
// at `configure` where link tracking, whose add-on carries the writer too, is off or cannot load
// (see createCommandApi.ts), and writes with it from the first answer that sets state.
dispatchEvent(new CustomEvent(ADD_ON_EVENT + 'state', { detail: createStateCookieWriter() }));
