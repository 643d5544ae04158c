// The views the frame navigates between. Each view lives in its own folder, owns its texts, and is loaded on
// first visit, so the first paint only waits for the frame and the client list.
import { lazy, type ComponentType, type ReactNode } from 'react';
import AccountTreeOutlined from '@mui/icons-material/AccountTreeOutlined';
import BadgeOutlined from '@mui/icons-material/BadgeOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import PeopleAltOutlined from '@mui/icons-material/PeopleAltOutlined';
import PlaylistAddCheckOutlined from '@mui/icons-material/PlaylistAddCheckOutlined';
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import type { ViewId } from '../state/app-store';
import { ClientsView } from '../views/clients/ClientsView';

const later = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ComponentType =>
  lazy<ComponentType>(async () => ({ default: (await load())[name] }));

const BatchesView = later(() => import('../views/batches/BatchesView'), 'BatchesView');
const ClaimsView = later(() => import('../views/claims/ClaimsView'), 'ClaimsView');
const ActorFlowView = later(() => import('../views/actorflow/ActorFlowView'), 'ActorFlowView');
const SettingsView = later(() => import('../views/settings/SettingsView'), 'SettingsView');
const AuditView = later(() => import('../views/audit/AuditView'), 'AuditView');
const EmployeesView = later(() => import('../views/employees/EmployeesView'), 'EmployeesView');

export const viewRegistry: Record<ViewId, { icon: ReactNode; render: () => ReactNode }> = {
  clients: { icon: <PeopleAltOutlined />, render: () => <ClientsView /> },
  employees: { icon: <BadgeOutlined />, render: () => <EmployeesView /> },
  batches: { icon: <PlaylistAddCheckOutlined />, render: () => <BatchesView /> },
  claims: { icon: <ReceiptLongOutlined />, render: () => <ClaimsView /> },
  actorflow: { icon: <AccountTreeOutlined />, render: () => <ActorFlowView /> },
  settings: { icon: <SettingsOutlined />, render: () => <SettingsView /> },
  audit: { icon: <HistoryOutlined />, render: () => <AuditView /> },
};
