export { appSyncAuthorizerSource, isAppSyncAuthorizerEvent } from './authorizer.js';
export { appSyncResolverRoute, appSyncResolverSource, isAppSyncResolverEvent, type AppSyncResolverInvocation } from './resolver.js';
