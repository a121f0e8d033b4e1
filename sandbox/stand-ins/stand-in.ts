/** Where a stand-in is started and where it sends webhooks. */
export interface TStandInContext {
  /** The app's base URL: the stand-in's webhooks and notifications go to its routes, as the real service's. */
  appUrl: string;
  /** A fixed port by name (the sandbox's configured ports), or 0 for any free port (tests). */
  port(name: string): number;
  logger?: (line: string) => void;
}

/** A started stand-in: the app's real client points at it through `env`; tests steer it through `control`. */
export interface TRunningStandIn<C> {
  /** Human name, for start-up and shutdown messages. */
  name: string;
  url: string;
  /** The app's variables for it: only base URLs and credentials differ from production. */
  env: Record<string, string>;
  control: C;
  close(): Promise<void>;
}

export interface TStandIn<C> {
  start(ctx: TStandInContext): Promise<TRunningStandIn<C>>;
}

export const defineStandIn = <C>(standIn: TStandIn<C>): TStandIn<C> => standIn;
