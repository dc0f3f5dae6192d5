// Every artefact of the build, one list per face. Each face keeps its own part in build/.
import runtime from './build/runtime.mjs';

export default [...runtime];
