// Preloaded with `node --require` (through NODE_OPTIONS) to play a machine where hnswlib-node's
// native build failed: its compiled addon cannot be loaded, however the module is reached.
const Module = require("node:module");
const loadNative = Module._extensions[".node"];
Module._extensions[".node"] = function (module, filename) {
  if (filename.includes("hnswlib")) throw new Error(`Could not locate the bindings file (${filename})`);
  return loadNative.call(this, module, filename);
};
