import { DEFAULT_EDGE_URL, type ConfigProblem } from './CollectorConfig';

/**
 * The message of an `invalid-config` error: what is wrong with a setting and how to fix it. Apart
 * from the rules (resolveConfig) so that the standalone script's core need not carry the texts: its
 * messages add-on (`edge-collector.messages.min.js`) loads them, with the whole check, when the
 * core refuses a configuration or cannot check one of its settings.
 */
// A plain rest parameter, destructured inside: Tags' own parser (babylon) refuses `...[a, b]`.
export function explainConfigProblem(...problem: ConfigProblem): string {
  const [setting, value, min, max] = problem;
  switch (setting) {
    case '':
      return 'configure needs an options object: { datastreamId: "…" }';
    case 'datastreamId':
      return typeof value !== 'string' || !value.trim()
        ? 'datastreamId is missing: copy it from Data Collection > Datastreams'
        : `datastreamId "${value}" is not a datastream ID: copy its UUID from Data Collection > Datastreams`;
    case 'edgeUrl':
      return `edgeUrl "${String(value)}" is not an http(s) URL such as ${DEFAULT_EDGE_URL}`;
    case 'edgeBasePath':
      return `edgeBasePath "${String(value)}" is not a path such as "ee"`;
    case 'defaultConsent':
      return `defaultConsent must be "in", "pending" or "out", not ${JSON.stringify(value)}`;
    default:
      return `${setting} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`;
  }
}
