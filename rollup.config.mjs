// Every artefact of the build, one list per face. Each face keeps its own part in build/.
import runtime from './build/runtime.mjs';
import tags from './build/tags.mjs';
import views from './build/views.mjs';
import vitals from './build/vitals.mjs';
import addOns from './build/addOns.mjs';
import emulator from './build/emulator.mjs';

export default [...runtime, ...tags, ...views, ...vitals, ...addOns, ...emulator];
