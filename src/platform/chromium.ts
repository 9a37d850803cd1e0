// The flags every headless Chromium of ours starts with (the browser tests' and the evidence capture's): headless
// without a sandbox or GPU (containers), and none of the browser's own network chatter (updates, sync, QUIC).
export const HEADLESS_CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
