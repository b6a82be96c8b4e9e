/** The bits of Chrome's extension API the tests evaluate inside the extension's service worker. */
declare const chrome: {
  tabs: {
    query(q: { url?: string }): Promise<Array<{ id?: number; url?: string }>>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: {
    local: { get(k: string): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
  };
  sidePanel: { getPanelBehavior(): Promise<{ openPanelOnActionClick?: boolean }> };
  commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> };
  alarms: { getAll(): Promise<Array<{ name: string; periodInMinutes?: number }>> };
};
