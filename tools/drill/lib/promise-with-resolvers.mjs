// @ts-check
// aws-local-stepfunctions 3.0.0 targets Node 22: its Task states call Promise.withResolvers, which Node 20 lacks
// (and a Catch of States.ALL would hide the resulting TypeError). Imported before the interpreter runs.
// The lib the tsconfig checks against is ES2023 (Node 20), which has no Promise.withResolvers either.
const PromiseConstructor = /** @type {any} */ (Promise);
if (typeof PromiseConstructor.withResolvers !== 'function') {
  PromiseConstructor.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
