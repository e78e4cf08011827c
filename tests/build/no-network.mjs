// Preloaded (`node --import`) into a tool a test runs: resolving a name or opening a socket other
// than a local one is reported on stderr ("network: …") and refused, so a test sees a tool that
// tries to reach the network, even where the tool swallows the error.
import dns from 'node:dns';
import net from 'node:net';

const refuse = (what) => {
  process.stderr.write(`network: ${what}\n`);
  throw new Error(`no network in tests: ${what}`);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  // connect(options), connect(port, host), connect(path), or Node's own normalized [options, listener].
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === 'object' && first !== null ? first : typeof first === 'string' ? { path: first } : { port: first, host: args[1] };
  if (typeof options.path !== 'string') refuse(`connect ${options.host ?? 'localhost'}:${options.port}`);
  return connect.apply(this, args);
};
dns.lookup = (host) => refuse(`lookup ${host}`);
dns.promises.lookup = async (host) => refuse(`lookup ${host}`);
