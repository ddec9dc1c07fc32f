import { buildCloudEvent } from '../../convert/build.js';
import { jsonPayload } from '../../convert/payload.js';
import { fromEpochSeconds } from '../../convert/time.js';
import { field, text } from '../../convert/values.js';
import { deliveryMetadata, functionSource, invocationItemId } from '../common.js';
import type { AzureTrigger } from '../types.js';

/** A change's id: the document id with its log sequence number (or etag), unique per change. */
function changeId(document: unknown): string | undefined {
  const id = text(field(document, 'id'));
  if (id === undefined) return undefined;
  const lsn = field(document, '_lsn');
  const version = typeof lsn === 'number' || typeof lsn === 'string' ? String(lsn) : text(field(document, '_etag'))?.replace(/"/g, '');
  return version === undefined ? id : `${id}@${version}`;
}

/**
 * Azure Cosmos DB trigger (`cosmosDBTrigger`, the change feed: always a batch of documents): per
 * document, id `<id>@<_lsn>` (the change, not only the document), subject the document `id`, time
 * `_ts`, type `com.microsoft.azure.cosmosdb.document.written`, data the document. The batch is
 * delivered in order. Path `/azure.cosmosdb`.
 *
 * @example
 * cosmosDbTrigger.toCloudEvents([{ id: 'doc1', _lsn: 7, _ts: 1700000000 }], { functionName: 'f' })[0].id; // 'doc1@7'
 */
export const cosmosDbTrigger: AzureTrigger = {
  name: 'azure.cosmosdb',
  bindingTypes: ['cosmosdbtrigger'],
  path: '/azure.cosmosdb',
  toCloudEvents: (input, context) => {
    const documents: readonly unknown[] = Array.isArray(input) ? input : [input];
    return documents.map((document, index) =>
      buildCloudEvent(
        {
          id: changeId(document) ?? invocationItemId(context, index, true),
          source: functionSource(context),
          type: 'com.microsoft.azure.cosmosdb.document.written',
          subject: text(field(document, 'id')),
          time: fromEpochSeconds(field(document, '_ts')),
        },
        jsonPayload(document === undefined ? null : document),
      ),
    );
  },
  metadata: (_input, context) => deliveryMetadata(context, undefined),
};
