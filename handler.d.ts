export { handler, default } from './dist/handler.js';
