import type { Catalog } from '../storage/createCatalog';
import {
  DATA_LAKE_CONNECTION_SPEC,
  FLOW_SPEC_MAPPING,
  FLOW_SPEC_PLAIN,
  HTTP_API_CONNECTION_SPEC,
  buildConnection,
  buildFlow,
  buildMappingSet,
  buildSourceConnection,
  buildTargetConnection,
} from '../streaming/flowServiceObjects';

/** One demo inlet: where to post and which flow to name in `x-adobe-flow-id`. */
export interface DemoInlet {
  connectionId: string;
  inletId: string;
  inletUrl: string;
  flowId: string;
}

/** What `--seed-demo` set up. */
export interface DemoSetup {
  datastreamId: string;
  xdmInlet: DemoInlet;
  rawInlet: DemoInlet & { mappingId: string };
}

/** The demo's IMS org, which names the visitor cookie. */
export const DEMO_ORG_ID = 'EDGECOLLECTORDEMO0000000@AdobeOrg';

// Fixed ids: a restart with the same data folder finds the same demo, and the printed ids stay valid.
const IDS = {
  datastream: 'de300000-5eed-4000-8000-00000000d001',
  xdmConnection: 'de300000-5eed-4000-8000-0000000000c1',
  rawConnection: 'de300000-5eed-4000-8000-0000000000c2',
  xdmSource: 'de300000-5eed-4000-8000-0000000000a1',
  rawSource: 'de300000-5eed-4000-8000-0000000000a2',
  target: 'de300000-5eed-4000-8000-0000000000b1',
  mapping: 'de3000005eed40008000000000000e01',
  xdmFlow: 'de300000-5eed-4000-8000-0000000000f1',
  rawFlow: 'de300000-5eed-4000-8000-0000000000f2',
};
const DEMO_SCHEMA = 'https://ns.adobe.com/edgecollectordemo/schemas/demo-profile';

/**
 * Creates (once; a later start reuses them) the demo datastream, an XDM inlet with a plain flow,
 * and a raw inlet whose flow maps `firstName`, `lastName`, `city` and `loyaltyTier` into XDM.
 */
export async function seedDemo(catalog: Catalog, origin: string): Promise<DemoSetup> {
  const ensure = async <K extends Parameters<Catalog['put']>[0]>(
    kind: K,
    id: string,
    build: () => Parameters<Catalog['put']>[1] & { id: string },
  ) => {
    if (!catalog.get(kind, id)) await catalog.put(kind, build() as never);
  };
  await ensure('datastream', IDS.datastream, () => ({
    id: IDS.datastream,
    name: 'Demo datastream',
    orgId: DEMO_ORG_ID,
    createdAt: Date.now(),
  }));
  const connection = (name: string, dataType: 'xdm' | 'raw', id: string) =>
    ensure('connection', id, () =>
      buildConnection(
        {
          name,
          connectionSpec: { id: HTTP_API_CONNECTION_SPEC, version: '1.0' },
          auth: { specName: 'Streaming Connection', params: { dataType } },
        },
        id,
      ),
    );
  await connection('Demo streaming connection (XDM)', 'xdm', IDS.xdmConnection);
  await connection('Demo streaming connection (raw)', 'raw', IDS.rawConnection);
  const spec = { id: HTTP_API_CONNECTION_SPEC, version: '1.0' };
  await ensure('sourceConnection', IDS.xdmSource, () =>
    buildSourceConnection(
      { name: 'Demo XDM source', baseConnectionId: IDS.xdmConnection, connectionSpec: spec },
      catalog,
      IDS.xdmSource,
    ),
  );
  await ensure('sourceConnection', IDS.rawSource, () =>
    buildSourceConnection(
      { name: 'Demo raw source', baseConnectionId: IDS.rawConnection, connectionSpec: spec },
      catalog,
      IDS.rawSource,
    ),
  );
  await ensure('targetConnection', IDS.target, () =>
    buildTargetConnection(
      {
        name: 'Demo data lake target',
        data: { schema: { id: DEMO_SCHEMA, version: 'application/vnd.adobe.xed-full+json;version=1.0' } },
        params: { dataSetId: 'de3000005eed400080000001' },
        connectionSpec: { id: DATA_LAKE_CONNECTION_SPEC, version: '1.0' },
      },
      IDS.target,
    ),
  );
  await ensure('mappingSet', IDS.mapping, () =>
    buildMappingSet(
      {
        version: 0,
        xdmSchema: DEMO_SCHEMA,
        xdmVersion: '1.0',
        mappings: [
          { sourceAttribute: 'id', destinationXdmPath: '_id' },
          { sourceAttribute: 'firstName', destinationXdmPath: 'person.name.firstName' },
          { sourceAttribute: 'lastName', destinationXdmPath: 'person.name.lastName' },
          { sourceAttribute: 'city', destinationXdmPath: 'homeAddress.city' },
          { sourceAttribute: 'loyaltyTier', destinationXdmPath: 'loyalty.tier' },
        ],
      },
      IDS.mapping,
    ),
  );
  await ensure('flow', IDS.xdmFlow, () =>
    buildFlow(
      {
        name: 'Demo XDM dataflow',
        flowSpec: { id: FLOW_SPEC_PLAIN, version: '1.0' },
        sourceConnectionIds: [IDS.xdmSource],
        targetConnectionIds: [IDS.target],
      },
      catalog,
      IDS.xdmFlow,
    ),
  );
  await ensure('flow', IDS.rawFlow, () =>
    buildFlow(
      {
        name: 'Demo raw dataflow with mapping',
        flowSpec: { id: FLOW_SPEC_MAPPING, version: '1.0' },
        sourceConnectionIds: [IDS.rawSource],
        targetConnectionIds: [IDS.target],
        transformations: [{ name: 'Mapping', params: { mappingId: IDS.mapping, mappingVersion: 0 } }],
      },
      catalog,
      IDS.rawFlow,
    ),
  );
  const inlet = (connectionId: string, flowId: string): DemoInlet => {
    const { inletId } = catalog.get('connection', connectionId)!;
    return { connectionId, inletId, inletUrl: `${origin}/collection/${inletId}`, flowId };
  };
  return {
    datastreamId: IDS.datastream,
    xdmInlet: inlet(IDS.xdmConnection, IDS.xdmFlow),
    rawInlet: { ...inlet(IDS.rawConnection, IDS.rawFlow), mappingId: IDS.mapping },
  };
}
