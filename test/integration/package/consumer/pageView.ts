// What a bundler user writes for a page view: the import the bundle's size is measured for.
import { createEdgeCollector } from 'edge-collector';

const collector = createEdgeCollector({ datastreamId: '2f6c9b0e-3c1d-4e5f-8a7b-9c0d1e2f3a4b' });
void collector.sendPageView();
