export interface UnitOptions {
  /** Absolute path of the node binary the service runs. */
  node: string;
  /** Absolute path of the compiled `luot` command (server/dist/luot.js). */
  entry: string;
  /** Folder of the installation (the repository checkout), for the apps and docs. */
  installDir: string;
  user: string;
  envFile: string;
  /** A backup folder outside /var/lib/luot (a second disk, a USB stick): made writable for the service. */
  backupDir: string | null;
}

/**
 * The systemd unit: restarts always (but not when a person must act, exit 78), starts after the network is up,
 * runs as an unprivileged user with the database in StateDirectory (/var/lib/luot), and is hardened so a
 * compromised server can write nowhere else. Devices stay visible for USB receipt printers (group lp).
 */
export function systemdUnit(o: UnitOptions): string {
  return `[Unit]
Description=Lượt queue ticketing server
Documentation=file://${o.installDir}/docs/operations.md
After=network-online.target time-sync.target
Wants=network-online.target

[Service]
Type=simple
User=${o.user}
Group=${o.user}
SupplementaryGroups=lp
WorkingDirectory=/var/lib/luot
Environment=NODE_ENV=production
Environment=LUOT_DB=/var/lib/luot/luot.db
Environment=LUOT_BACKUP_DIR=${o.backupDir ?? '/var/lib/luot/backups'}
Environment=LUOT_VOICE_CACHE=/var/cache/luot/voice
Environment=LUOT_APPS_ROOT=${o.installDir}
EnvironmentFile=-${o.envFile}
ExecStart=${o.node} ${o.entry} start
Restart=always
RestartSec=2
RestartPreventExitStatus=78
TimeoutStopSec=20
StateDirectory=luot
StateDirectoryMode=0750
CacheDirectory=luot
UMask=0027
LimitNOFILE=65536
NoNewPrivileges=yes
ProtectSystem=strict
ProtectHome=yes
PrivateTmp=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectControlGroups=yes
ProtectClock=yes
ProtectHostname=yes
RestrictSUIDSGID=yes
RestrictNamespaces=yes
RestrictRealtime=yes
LockPersonality=yes
RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX AF_NETLINK
SystemCallArchitectures=native
${o.backupDir ? `ReadWritePaths=${o.backupDir}\n` : ''}
[Install]
WantedBy=multi-user.target
`;
}

/** The environment file the unit reads; written once with every setting commented, never overwritten. */
export function defaultEnvFile(): string {
  return `# Lượt server settings (see docs/configuration.md). Restart after a change: sudo systemctl restart luot
# PORT=8080
# LUOT_BACKUP_DIR=/media/usb-backup/luot
# LUOT_BACKUP_TIME=12:15
# LUOT_BACKUP_KEEP=7,4,12
# LUOT_METRICS_ALLOW=192.168.1.10
# LOG_LEVEL=info
`;
}
