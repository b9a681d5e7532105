import { t, type CounterView, type Lang, type StringKey } from '@luot/shared';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import { AuditTab } from './audit-tab.tsx';
import { BackupsTab } from './backups-tab.tsx';
import { BookingTab } from './booking-tab.tsx';
import { CenterTab } from './center-tab.tsx';
import { ConfigTab } from './config-tab.tsx';
import { CountersTab } from './counters-tab.tsx';
import { DevicesTab } from './devices-tab.tsx';
import { FieldsTab } from './fields-tab.tsx';
import { HubSyncTab } from './hub-sync-tab.tsx';
import { IntegrationsTab } from './integrations-tab.tsx';
import { PrintersTab } from './printers-tab.tsx';
import { RulesTab } from './rules-tab.tsx';
import { SmsTab } from './sms-tab.tsx';
import { StaffTab } from './staff-tab.tsx';
import { adminQueryClient } from './use-load.ts';
import { VoiceTab } from './voice-tab.tsx';

interface AdminViewProps {
  lang: Lang;
  api: ConsoleApi;
  counters: readonly CounterView[];
  tab: string | null;
  onTab: (tab: string) => void;
  /** Something the other screens show changed (fields, counters, names, categories): refresh them. */
  onChanged: () => void;
}

const tabs = [
  { id: 'center', label: 'adminTabCenter' },
  { id: 'fields', label: 'adminTabFields' },
  { id: 'counters', label: 'adminTabCounters' },
  { id: 'staff', label: 'adminTabStaff' },
  { id: 'devices', label: 'adminTabDevices' },
  { id: 'printers', label: 'adminTabPrinters' },
  { id: 'rules', label: 'adminTabRules' },
  { id: 'booking', label: 'adminTabBooking' },
  { id: 'voice', label: 'adminTabVoice' },
  { id: 'sms', label: 'adminTabSms' },
  { id: 'audit', label: 'adminTabAudit' },
  { id: 'backups', label: 'adminTabBackups' },
  { id: 'hub', label: 'adminTabHub' },
  { id: 'integrations', label: 'adminTabIntegrations' },
  { id: 'config', label: 'adminTabConfig' },
] as const satisfies readonly { id: string; label: StringKey }[];

type TabId = (typeof tabs)[number]['id'];

/** The administrator's settings, one tab per kind of thing; the tab is in the URL, so a reload keeps it. */
export function AdminView({ lang, api, counters, tab, onTab, onChanged }: AdminViewProps) {
  const current: TabId = tabs.find((x) => x.id === tab)?.id ?? 'fields';
  // One cache per visit to the admin screens: signing out unmounts them, so no session sees another's reads.
  const [queries] = useState(adminQueryClient);
  return (
    <QueryClientProvider client={queries}>
      <div className="admin" data-testid="admin">
        <nav className="tabs" aria-label={t(lang, 'navAdmin')}>
          {tabs.map((x) => (
            <a
              key={x.id}
              href={`#/admin/${x.id}`}
              className="tabs__tab"
              aria-current={x.id === current ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                onTab(x.id);
              }}
              data-testid={`tab-${x.id}`}
            >
              {t(lang, x.label)}
            </a>
          ))}
        </nav>
        {current === 'center' && <CenterTab lang={lang} api={api} onChanged={onChanged} />}
        {current === 'fields' && <FieldsTab lang={lang} api={api} onChanged={onChanged} />}
        {current === 'counters' && <CountersTab lang={lang} api={api} onChanged={onChanged} />}
        {current === 'staff' && <StaffTab lang={lang} api={api} />}
        {current === 'devices' && <DevicesTab lang={lang} api={api} counters={counters} />}
        {current === 'printers' && <PrintersTab lang={lang} api={api} />}
        {current === 'rules' && <RulesTab lang={lang} api={api} onChanged={onChanged} />}
        {current === 'booking' && <BookingTab lang={lang} api={api} />}
        {current === 'voice' && <VoiceTab lang={lang} api={api} />}
        {current === 'sms' && <SmsTab lang={lang} api={api} />}
        {current === 'audit' && <AuditTab lang={lang} api={api} />}
        {current === 'backups' && <BackupsTab lang={lang} api={api} />}
        {current === 'hub' && <HubSyncTab lang={lang} api={api} admin />}
        {current === 'integrations' && <IntegrationsTab lang={lang} api={api} />}
        {current === 'config' && <ConfigTab lang={lang} api={api} onChanged={onChanged} />}
      </div>
    </QueryClientProvider>
  );
}
