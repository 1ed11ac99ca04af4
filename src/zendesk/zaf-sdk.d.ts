// The npm package ships no types; this is the part of its API the app uses.
declare module 'zendesk_app_framework_sdk' {
  export interface ZafSdkClient {
    get(paths: string | string[]): Promise<Record<string, unknown>>;
    set(key: string | Record<string, unknown>, value?: unknown): Promise<Record<string, unknown>>;
    invoke(name: string, ...args: unknown[]): Promise<Record<string, unknown>>;
    on(event: string, handler: (data: unknown) => unknown, context?: unknown): void;
    off(event: string, handler: (data: unknown) => unknown): void;
    request(options: Record<string, unknown>): Promise<unknown>;
    metadata(): Promise<unknown>;
    context(): Promise<unknown>;
  }
  const ZAFClient: { init(callback?: (context: unknown) => void): ZafSdkClient | false };
  export default ZAFClient;
}
