// The child process of serve.test.ts: an Express app served by `serve`, whose Pub/Sub route takes
// DELAY_MS to answer and logs each message it finished, and what it finished when the process exits.
import express from 'express';
import { serve } from './index.js';

const delay = Number(process.env.DELAY_MS ?? 500);
const app = express();
let finished = 0;
app.post('/google.pubsub', express.json(), (req, res) => {
  setTimeout(() => {
    finished++;
    console.log(`finished ${(req.body as { message: { messageId: string } }).message.messageId}`);
    res.sendStatus(200);
  }, delay);
});
process.on('exit', (code) => console.log(`exit ${code} finished=${finished}`));
serve(app, { port: 0, host: '127.0.0.1' }).then(({ url }) => console.log(`listening ${url}`));
