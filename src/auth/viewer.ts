// Who a request acts for: the user a valid session token stands for.
export type Viewer = { id: number; sessionId: number };
