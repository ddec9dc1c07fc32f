import { buildCloudEvent } from '../../convert/build.js';
import { toRfc3339 } from '../../convert/time.js';
import { field, text } from '../../convert/values.js';
import { deliveryMetadata, functionSource, invocationItemId, itemPayload } from '../common.js';
import type { AzureTrigger } from '../types.js';

/**
 * Azure Blob Storage trigger (`blobTrigger`, one blob): source the container's URL (the blob's `uri`
 * without its name), subject the blob path (`blobTrigger`: `<container>/<name>`), id its `eTag`
 * (unquoted: one per version of the blob), time `properties.lastModified`, type
 * `com.microsoft.azure.storage.blob.written`, data the blob's bytes as `properties.contentType`. The
 * host retries a failed blob 5 times, then writes it to `webjobs-blobtrigger-poison`. Path
 * `/azure.storage.blob`.
 *
 * @example
 * blobTrigger.toCloudEvents(Buffer.from('hi'), blobContext)[0].subject; // 'samples/hello.txt'
 */
export const blobTrigger: AzureTrigger = {
  name: 'azure.storage.blob',
  bindingTypes: ['blobtrigger'],
  path: '/azure.storage.blob',
  toCloudEvents: (input, context) => {
    const metadata = context.triggerMetadata;
    const properties = metadata?.properties;
    const uri = text(metadata?.uri);
    const path = text(metadata?.blobTrigger);
    const container = uri !== undefined && path !== undefined && uri.endsWith(path) ? uri.slice(0, uri.length - path.length) + path.split('/', 1)[0] : undefined;
    return [
      buildCloudEvent(
        {
          id: text(field(properties, 'eTag'))?.replace(/"/g, '') || invocationItemId(context, 0, false),
          source: container ?? uri ?? functionSource(context),
          type: 'com.microsoft.azure.storage.blob.written',
          subject: path,
          time: toRfc3339(field(properties, 'lastModified')),
        },
        itemPayload(input, text(field(properties, 'contentType'))),
      ),
    ];
  },
  metadata: (_input, context) => deliveryMetadata(context, undefined),
};
