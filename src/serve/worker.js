// campaign serve: one event stream shared by every open tab (a SharedWorker).
const ports = new Set();
let last;

const send = (message) => {
  last = { type: "hello", state: message.state };
  for (const port of ports) port.postMessage(message);
};

const events = new EventSource("/__campaign/events");
for (const type of ["hello", "reload", "css"]) {
  events.addEventListener(type, (e) => send({ type, state: e.data }));
}

onconnect = (e) => {
  const port = e.ports[0];
  ports.add(port);
  port.onmessage = (m) => {
    if (m.data === "bye") ports.delete(port);
  };
  port.start();
  if (last) port.postMessage(last);
};
