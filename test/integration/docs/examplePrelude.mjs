// Loaded before each Node example (`node --import`): points Adobe's production hosts at the local
// emulator, as a hosts-file entry would, so that an example runs exactly as written. The emulator's
// origin comes from EXAMPLE_EMULATOR_ORIGIN.
const origin = process.env.EXAMPLE_EMULATOR_ORIGIN;
const ADOBE_HOSTS = /^https:\/\/(edge|dcs)\.adobedc\.net(?=\/)/;
const realFetch = globalThis.fetch;

globalThis.fetch = (input, init) => {
  const url = input instanceof globalThis.Request ? input.url : String(input);
  if (!ADOBE_HOSTS.test(url)) return realFetch(input, init);
  const local = url.replace(ADOBE_HOSTS, origin);
  return realFetch(input instanceof globalThis.Request ? new globalThis.Request(local, input) : local, init);
};
