/** Where the citizen portal for tickets lives: printed in QR codes and letters, built by server and activities alike. */
export const portalBaseUrl = (publicBaseUrl: string) => `${publicBaseUrl}/knoellchen`;
