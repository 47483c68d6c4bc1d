// aws-local-stepfunctions 3.0.0 targets Node 22: every Task state calls Promise.withResolvers,
// which Node 20 lacks. Import this module before running a machine on Node 20.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers() {
    let resolve;
    let reject;
    const promise = new this((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
