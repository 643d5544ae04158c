// The client list: the local copy of the firm's clients, searchable and filterable at any size, with the
// selection kept in the app store for the wizard and the claims view, and the agent system users beside it.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Box, Button, Tab, Tabs, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../i18n/describe-error';
import { call } from '../../api/client';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useAppStore } from '../../state/app-store';
import { useAppStatus } from '../../api/query/app';
import { ClientGrid } from './ClientGrid';
import { ClientsToolbar } from './ClientsToolbar';
import { saveTextFile } from '../../components/files';
import { EmptyState, emptyReason } from './EmptyState';
import { FilterBar, type ClientFilters } from './FilterBar';
import { SyncCallout } from './SyncCallout';
import { SystemUsersPanel } from './SystemUsersPanel';
import { prefetchClientRows, useClientRows, useSystemUsers } from '../../api/query/clients';
import { queryKeys } from '../../api/query/keys';
import { useClientSync } from './use-client-sync';
import { SearchField } from './SearchField';
import { clientQuery, DEFAULT_SORT, type ClientSort } from './client-query';
import { DelegationWizard, type WizardRequest } from './wizard/DelegationWizard';
import { ClientAccessDialog } from '../employees/ClientAccessDialog';
import { useWizardLaunch } from './wizard/launch';
import { mostCommon } from './wizard/suggest';

const NO_SYSTEM_USERS: never[] = [];

// The view's frames as plain elements with fixed styles (8 px spacing units): they re-render with every search,
// where a styled Box would redo its style work each time.
const viewLayout = {
  display: 'flex',
  flexDirection: 'column',
  height: '100%',
  minHeight: 0,
  padding: '8px 16px',
  gap: 6,
  boxSizing: 'border-box',
} as const;
const listPanelLayout = { display: 'flex', flexDirection: 'column', gap: 6, flex: 1, minHeight: 0 } as const;

type Tab = 'clients' | 'systemUsers';

/** Memoised: MUI's tabs measure themselves on every render, which a search keystroke must not pay for. */
const ClientsHeader = memo(function ClientsHeader({ tab, onTab }: { tab: Tab; onTab(tab: Tab): void }) {
  const { t } = useTranslation('clients');
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
      <Typography variant="h5" component="h2" sx={{ fontSize: '1.35rem' }}>
        {t('title')}
      </Typography>
      <Tabs
        value={tab}
        onChange={(_, v: Tab) => onTab(v)}
        aria-label={t('title')}
        sx={{ minHeight: 40, '& .MuiTab-root': { minHeight: 40, py: 0.5 } }}
      >
        <Tab value="clients" label={t('tabs.clients')} id="clients-tab-clients" aria-controls="clients-panel-clients" />
        <Tab
          value="systemUsers"
          label={t('tabs.systemUsers')}
          id="clients-tab-systemUsers"
          aria-controls="clients-panel-systemUsers"
          data-testid="tab-system-users"
        />
      </Tabs>
    </Box>
  );
});

/**
 * How many clients match and how many are chosen, with the selection's actions. Memoised: most keystrokes change
 * the count, and it should cost its own line, not the view's other text.
 */
const ClientCounts = memo(function ClientCounts(props: {
  total: number | null;
  selection: readonly string[];
  canManageAccess: boolean;
  onSelectAll(): void;
  onManageAccess(orgNumber: string): void;
  onClearSelection(): void;
}) {
  const { t } = useTranslation('clients');
  const { t: tEmployees } = useTranslation('employees');
  const { total, selection } = props;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
      <Typography variant="body2" data-testid="clients-total" aria-live="polite">
        {total === null ? t('grid.loading') : t('grid.count', { count: total })}
      </Typography>
      <Typography variant="body2" color="text.secondary" data-testid="clients-selection-count">
        {selection.length > 0 ? t('selection.count', { count: selection.length }) : t('selection.none')}
      </Typography>
      {(total ?? 0) > 0 && (
        <Button size="small" onClick={props.onSelectAll} data-testid="clients-select-all">
          {t('selection.selectAll', { count: total ?? 0 })}
        </Button>
      )}
      {selection.length === 1 && props.canManageAccess && (
        <Button size="small" onClick={() => props.onManageAccess(selection[0]!)} data-testid="client-access-open">
          {tEmployees('access.open')}
        </Button>
      )}
      {selection.length > 0 && (
        <Button size="small" onClick={props.onClearSelection}>
          {t('selection.clear')}
        </Button>
      )}
    </Box>
  );
});

export function ClientsView() {
  const { t } = useTranslation('clients');
  const [accessOf, setAccessOf] = useState<string | null>(null);
  const session = useAppStatus()?.session ?? null;
  const online = useAppStatus()?.online ?? true;
  const selection = useAppStore((s) => s.selection);
  const setSelection = useAppStore((s) => s.setSelection);
  const setView = useAppStore((s) => s.setView);

  const [tab, setTab] = useState<Tab>('clients');
  const [search, setSearch] = useState('');
  // Bumped to clear the search box: a fresh box starts empty.
  const [searchBox, setSearchBox] = useState(0);
  const [filters, setFilters] = useState<ClientFilters>({});
  const [sort, setSort] = useState<ClientSort>(DEFAULT_SORT);
  const [wizard, setWizard] = useState<WizardRequest | null>(null);
  const [error, setError] = useState<unknown>(null);
  const queryClient = useQueryClient();

  const query = useMemo(() => clientQuery(filters, search, sort), [filters, search, sort]);
  const current = useRef({ filters, sort });
  useLayoutEffect(() => {
    current.current = { filters, sort };
  });
  // The keystroke itself sends the search (no wait, not even a frame); the list shows the new term once its first
  // page is cached, in one render, not sliced: one for the term and one more for its rows would paint later.
  // A term overtaken by a newer keystroke is never shown (and its request is dropped by the list's gate if not
  // sent). The box itself is uncontrolled, so typing never waits for the list.
  const latestSearch = useRef(0);
  const onSearch = useCallback(
    (value: string) => {
      const ticket = ++latestSearch.current;
      void prefetchClientRows(queryClient, clientQuery(current.current.filters, value, current.current.sort)).then(() => {
        // Rendered now, in the answer's own task: a scheduled render would wait a task more before the frame.
        if (ticket === latestSearch.current) flushSync(() => setSearch(value));
      });
    },
    [queryClient],
  );
  const searchField = useMemo(() => <SearchField key={searchBox} onSearch={onSearch} />, [searchBox, onSearch]);
  const pages = useClientRows(query);
  const sync = useClientSync();
  const systemUsersQuery = useSystemUsers();
  const systemUsers = systemUsersQuery.data ?? NO_SYSTEM_USERS;
  // Every org number matching the query, in its order: cached with the list, so a second range costs nothing.
  const matching = useCallback(
    () =>
      queryClient.fetchQuery({
        queryKey: [...queryKeys.clients.query(query), 'orgNumbers'],
        queryFn: () => call('clients.matchingOrgNumbers', { query }),
      }),
    [queryClient, query],
  );
  const exportCsv = useMutation({
    mutationFn: () => call('clients.exportCsv', { query }),
    onSuccess: ({ filename, csv }) => saveTextFile(filename, csv, 'text/csv;charset=utf-8'),
  });

  const orgNumbersBetween = useCallback(
    async (from: number, to: number) => {
      const loaded = Array.from({ length: to - from + 1 }, (_, i) => pages.rowAt(from + i)?.orgNumber);
      if (loaded.every((o): o is string => o !== undefined)) return loaded;
      return (await matching()).slice(from, to + 1);
    },
    [pages, matching],
  );
  const clearSelection = useCallback(() => setSelection([]), [setSelection]);
  const selectAllFiltered = useCallback(() => {
    setError(null);
    matching().then(setSelection, setError);
  }, [matching, setSelection]);

  function openWizard(operation: WizardRequest['operation'], overrides: Partial<WizardRequest> = {}): void {
    setWizard({ operation, systemUserId: null, query, source: selection.length > 0 ? 'selection' : null, ...overrides });
  }

  // Another view (the batch list's "New draft") asked for the wizard: open it here, once.
  const launch = useWizardLaunch((s) => s.pending);
  useEffect(() => {
    if (!launch) return;
    useWizardLaunch.getState().clear();
    setWizard({ operation: launch.operation, systemUserId: null, query: {}, source: selection.length > 0 ? 'selection' : 'paste' });
  }, [launch, selection.length]);

  /** A hint for step 1: the system user the chosen clients point to. */
  function suggestedFor(operation: WizardRequest['operation']): string | null {
    // Nothing chosen, nothing to suggest for: an empty selection is not "everything".
    if (selection.length === 0) return null;
    const chosen = new Set(selection);
    const rows = pages.loaded().filter((r) => chosen.has(r.orgNumber));
    return operation === 'add' ? mostCommon(rows.map((r) => r.suggestedSystemUserId)) : mostCommon(rows.flatMap((r) => r.delegatedTo));
  }

  const showOnly = (next: ClientFilters) => {
    latestSearch.current++;
    setTab('clients');
    setSearch('');
    setSearchBox((n) => n + 1);
    setFilters(next);
  };

  // The toolbar's handlers stay the same functions across renders (it is memoised) and act on the latest state.
  const actions = useRef({ sync: sync.sync, exportCsv: exportCsv.mutate, openWizard, setView });
  useLayoutEffect(() => {
    actions.current = { sync: sync.sync, exportCsv: exportCsv.mutate, openWizard, setView };
  });
  const toolbar = useMemo(
    () => ({
      onSync: () => void actions.current.sync(),
      onExport: () => actions.current.exportCsv(),
      onDelegate: () => actions.current.openWizard('add'),
      onRemove: () => actions.current.openWizard('remove'),
      onShowClaims: () => actions.current.setView('claims'),
    }),
    [],
  );

  const total = pages.total;
  const filtered = search.trim() !== '' || Object.values(filters).some((v) => v !== undefined);
  const syncBlockedReason = !session ? t('toolbar.syncNeedsSignIn') : !online ? t('toolbar.syncOffline') : null;

  return (
    <div style={viewLayout}>
      <ClientsHeader tab={tab} onTab={setTab} />

      <ClientsToolbar
        canSync={syncBlockedReason === null}
        syncBlockedReason={syncBlockedReason}
        syncing={sync.syncing}
        progress={sync.progress}
        lastSyncAt={sync.info?.lastSyncAt ?? null}
        exporting={exportCsv.isPending}
        onSync={toolbar.onSync}
        onExport={toolbar.onExport}
        onDelegate={toolbar.onDelegate}
        onRemove={toolbar.onRemove}
        selectionCount={selection.length}
        onShowClaims={toolbar.onShowClaims}
        // While the list reloads (total unknown) the last sync decides, so the buttons do not flicker off.
        hasClients={total === null ? sync.info?.lastSyncAt != null : total > 0 || filtered}
        hasMatches={(total ?? 0) > 0}
      />
      {sync.error !== null && (
        <ErrorDetails error={sync.error} title={t('syncFailed')} onRetry={syncBlockedReason ? undefined : () => void sync.sync()} />
      )}
      {error !== null && <ErrorDetails error={error} />}
      {exportCsv.error !== null && <ErrorDetails error={exportCsv.error} />}
      {systemUsersQuery.error !== null && <ErrorDetails error={systemUsersQuery.error} onRetry={() => void systemUsersQuery.refetch()} />}
      {sync.result && (
        <SyncCallout
          result={sync.result}
          actions={{
            showNew: () => showOnly({ onlyNew: true }),
            delegateNew: () => openWizard('add', { query: { onlyNew: true }, source: 'filtered' }),
            showGone: () => showOnly({ status: 'gone' }),
            removeGone: () => openWizard('remove', { query: { status: 'gone', delegated: 'yes' }, source: 'filtered' }),
            dismiss: sync.dismissResult,
          }}
        />
      )}

      {tab === 'clients' ? (
        <div id="clients-panel-clients" role="tabpanel" aria-labelledby="clients-tab-clients" style={listPanelLayout}>
          <FilterBar searchField={searchField} filters={filters} onFilters={setFilters} systemUsers={systemUsers} />
          <ClientCounts
            total={total}
            selection={selection}
            canManageAccess={session?.isClientAdmin ?? false}
            onSelectAll={selectAllFiltered}
            onManageAccess={setAccessOf}
            onClearSelection={clearSelection}
          />
          {pages.error !== null && <ErrorDetails error={pages.error} />}
          {total === 0 ? (
            <EmptyState
              reason={emptyReason({
                hasSession: session !== null,
                isClientAdmin: session?.isClientAdmin ?? false,
                everSynced: sync.info?.lastSyncAt != null,
                filtered,
                syncError: sync.error,
              })}
              serviceMessage={sync.error ? describeError(sync.error, t).text : undefined}
              onClearFilters={() => showOnly({})}
            />
          ) : (
            <ClientGrid
              pages={pages}
              query={query}
              onSort={(s, direction) => setSort({ sort: s, direction })}
              systemUsers={systemUsers}
              selection={selection}
              onSelectionChange={setSelection}
              orgNumbersBetween={orgNumbersBetween}
              onSelectAllFiltered={selectAllFiltered}
            />
          )}
        </div>
      ) : (
        <Box
          id="clients-panel-systemUsers"
          role="tabpanel"
          aria-labelledby="clients-tab-systemUsers"
          sx={{ flex: 1, minHeight: 0, overflow: 'auto' }}
        >
          <SystemUsersPanel
            systemUsers={systemUsers}
            onShowDelegated={(id) => showOnly({ systemUserId: id, delegated: 'yes' })}
            onShowFailing={(id) => showOnly({ systemUserId: id, failsAndRuleFor: id })}
            onDelegate={(id) => openWizard('add', { systemUserId: id })}
          />
        </Box>
      )}

      {accessOf && <ClientAccessDialog orgNumber={accessOf} onClose={() => setAccessOf(null)} />}
      {wizard && (
        <DelegationWizard
          request={wizard}
          systemUsers={systemUsers}
          suggestedSystemUserId={wizard.systemUserId ?? suggestedFor(wizard.operation)}
          onClose={() => setWizard(null)}
        />
      )}
    </div>
  );
}
