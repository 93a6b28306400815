/** 'SignTransferContract' → 'sign-transfer-contract' (the command's path segment). */
export const kebabCase = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** `/parcels/:parcelId` + `SignTransferContract` → `/parcels/:parcelId/sign-transfer-contract`. */
export const commandRoute = (basePath: string, type: string): string => `${basePath}/${kebabCase(type)}`;
