import { onCLS, onFCP, onINP, onLCP, onTTFB, type Metric } from 'web-vitals';

/** Observes one metric: calls `report` with each of its reports (web-vitals' `onLCP` and the like). */
export type VitalsObserver = (report: (metric: Metric) => void) => void;

/**
 * The five metrics sent, observed with web-vitals. Only these are imported, so a bundler leaves
 * out the rest of web-vitals (attribution, thresholds).
 */
export const WEB_VITALS_OBSERVERS: readonly VitalsObserver[] = [onTTFB, onFCP, onLCP, onCLS, onINP];
