// express@4 is installed under the alias `express4`, next to express@5; its API for these tests is the same.
declare module 'express4' {
  import express from 'express';
  export default express;
}
