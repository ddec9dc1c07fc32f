// Lambda's handler setting points here: `node_modules/cloud-events-handler/handler.handler`.
export { handler, default } from './dist/handler.js';
