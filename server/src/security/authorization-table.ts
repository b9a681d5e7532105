/**
 * Who may call each route, written once per route: the authorization matrix test (authorization-matrix.test.ts)
 * calls every route of /api/openapi.json as each of the identities below and checks that exactly these pass
 * the role check. A route without a line here fails the test; so does a line for a route that no longer exists.
 *
 * Adding a route: add one line, `'METHOD /path/{param}': WHO,` as the OpenAPI document spells the path.
 * "Passes the role check" means the answer is anything but a refusal of who is asking (401 UNAUTHENTICATED or
 * DEVICE_REQUIRED, 403 FORBIDDEN or DEVICE_NOT_ALLOWED): an allowed caller may still get 400, 404 or 409.
 */
export const identities = [
  'anonymous',
  'kiosk',
  'hall_board',
  'counter_display',
  'officer',
  'supervisor',
  'admin',
  // Integrations' API tokens, one per scope: each reaches its scope's routes and nothing else.
  'token_reports',
  'token_live',
  'token_webhooks',
  'token_tickets',
] as const;
export type Identity = (typeof identities)[number];

const EVERYONE: readonly Identity[] = identities;
const STAFF: readonly Identity[] = ['officer', 'supervisor', 'admin'];
const LEADERS: readonly Identity[] = ['supervisor', 'admin'];
const ADMIN: readonly Identity[] = ['admin'];
const SCREENS: readonly Identity[] = ['hall_board', 'counter_display'];
const DEVICES: readonly Identity[] = ['kiosk', ...SCREENS];

export const authorization: Record<string, readonly Identity[]> = {
  // Public: health, sign-in, pairing, the apps themselves, the citizen's tracking page (its code is the key).
  'GET /api/health': EVERYONE,
  // Prometheus: leaders' sessions, or the addresses in LUOT_METRICS_ALLOW (none by default, so the matrix sees leaders).
  'GET /metrics': LEADERS,
  'POST /api/auth/login': EVERYONE,
  'POST /api/devices/pair': EVERYONE,
  'GET /api/track/{code}': EVERYONE,
  'POST /api/track/{code}/rating': EVERYONE,
  'GET /api/demo/device': EVERYONE,
  // Citizens' booking pages: no login; the booking's secret code is the key (limited per address).
  'GET /api/bookings/options': EVERYONE,
  'GET /api/bookings/slots': EVERYONE,
  'POST /api/bookings/otp': EVERYONE,
  'POST /api/bookings/remote': EVERYONE,
  'POST /api/bookings/slot': EVERYONE,
  'POST /api/bookings/lookup': EVERYONE,
  'POST /api/bookings/cancel': EVERYONE,
  'POST /api/bookings/reschedule': EVERYONE,
  'POST /api/bookings/check-in': ['kiosk'],
  'GET /api/bookings/today': LEADERS,
  'GET /api/reports/bookings': LEADERS,
  'GET /api/admin/booking': ADMIN,
  'PUT /api/admin/booking': ADMIN,
  'GET /book': EVERYONE, // demo center only; absent otherwise
  'GET /': EVERYONE,
  'GET /kiosk': EVERYONE,
  'GET /display': EVERYONE,
  'GET /console': EVERYONE,
  'GET /help': EVERYONE,

  // Backups: the admin's list and "back up now".
  'GET /api/admin/backups': ADMIN,
  'POST /api/admin/backups': ADMIN,

  // Devices.
  'POST /api/devices/renew': DEVICES,
  'GET /api/center': [...DEVICES, ...STAFF],
  'POST /api/tickets': ['kiosk', ...STAFF, 'token_tickets'],
  'GET /api/voice/call': [...SCREENS, ...STAFF],
  'POST /api/ratings': ['counter_display'],
  // The kiosk's spoken guidance, step by step.
  ...Object.fromEntries(
    ['home', 'subfields', 'field', 'take', 'categories', 'category', 'issuing', 'phone', 'ticket', 'notice'].map((step) => [`GET /api/voice/guide/${step}`, ['kiosk'] as const]),
  ),
  'GET /api/ratings/pending': ['counter_display'],

  // Staff; officers act only at the counter they sit at (checked after the role, by seat).
  'POST /api/auth/logout': STAFF,
  'GET /api/auth/me': STAFF,
  'GET /api/queue': STAFF,
  'GET /api/tickets/{id}': STAFF,
  'POST /api/tickets/{id}/return': STAFF,
  'POST /api/tickets/{id}/transfer': STAFF,
  'POST /api/tickets/{id}/cancel': STAFF,
  'GET /api/counters': STAFF,
  'POST /api/counters/{id}/join': STAFF,
  'POST /api/counters/{id}/leave': STAFF,
  'POST /api/counters/{id}/call-next': STAFF,
  'POST /api/counters/{id}/recall': STAFF,
  'POST /api/counters/{id}/start': STAFF,
  'POST /api/counters/{id}/no-show': STAFF,
  'POST /api/counters/{id}/resume': STAFF,
  'POST /api/counters/{id}/open': STAFF,
  'POST /api/counters/{id}/close': STAFF,
  'POST /api/counters/{id}/call': STAFF,
  'POST /api/counters/{id}/finish': STAFF,
  'POST /api/counters/{id}/hold': STAFF,
  'POST /api/counters/{id}/pause': STAFF,

  // Supervisors and admins.
  'GET /api/live': [...LEADERS, 'token_live'],
  'GET /api/reports': [...LEADERS, 'token_reports'],
  'GET /api/reports/export.csv': [...LEADERS, 'token_reports'],
  'GET /api/reports/export.xlsx': [...LEADERS, 'token_reports'],
  'GET /api/reports/visits.csv': [...LEADERS, 'token_reports'],
  // Figures about named officers: leaders only, never a token.
  'GET /api/reports/staff': LEADERS,
  'GET /api/reports/staff/export.csv': LEADERS,
  'GET /api/staffing/plan': LEADERS,
  'GET /api/staffing/plan.csv': LEADERS,
  'GET /api/staffing/plan.xlsx': LEADERS,
  'GET /api/ratings/today': LEADERS,
  'GET /api/tickets/search': LEADERS,
  'POST /api/fields/{id}/issuing': LEADERS,
  'GET /api/printers': LEADERS,
  'POST /api/printers/{id}/check': LEADERS,

  // Admins only.
  'GET /api/devices': ADMIN,
  'POST /api/devices': ADMIN,
  'PUT /api/devices/{id}/settings': ADMIN,
  'DELETE /api/devices/{id}': ADMIN,
  'PUT /api/devices/{id}/printer': ADMIN,
  'POST /api/printers': ADMIN,
  'POST /api/printers/{id}/test': ADMIN,
  'GET /api/printers/public-link': ADMIN,
  'DELETE /api/printers/{id}': ADMIN,
  'GET /api/admin/center': ADMIN,
  'PUT /api/admin/center': ADMIN,
  'GET /api/admin/rules': ADMIN,
  'PUT /api/admin/rules': ADMIN,
  'GET /api/admin/voice': ADMIN,
  'GET /api/admin/sms': ADMIN,
  'PUT /api/admin/sms/settings': ADMIN,
  'PUT /api/admin/voice': ADMIN,
  'GET /api/admin/audit': ADMIN,
  'GET /api/admin/fields': ADMIN,
  'POST /api/admin/fields': ADMIN,
  'PUT /api/admin/fields/{id}': ADMIN,
  'DELETE /api/admin/fields/{id}': ADMIN,
  'GET /api/admin/counters': ADMIN,
  'POST /api/admin/counters': ADMIN,
  'PUT /api/admin/counters/{id}': ADMIN,
  'DELETE /api/admin/counters/{id}': ADMIN,
  'GET /api/admin/staff': ADMIN,
  'POST /api/admin/staff': ADMIN,
  'PUT /api/admin/staff/{id}': ADMIN,
  'POST /api/admin/staff/{id}/reset-password': ADMIN,
  // The link to the province hub: supervisors see where it stands, the admin sets it and asks for a re-sync.
  'GET /api/admin/hub-sync': LEADERS,
  'PUT /api/admin/hub-sync': ADMIN,
  'POST /api/admin/hub-sync/resync': ADMIN,
  'GET /api/setup': ADMIN,
  'POST /api/setup': ADMIN,
  'POST /api/setup/skip': ADMIN,
  'GET /api/admin/config': ADMIN,
  'POST /api/admin/config': ADMIN,
  // Integrations: the admin registers webhooks and makes tokens; a receiver's token reads its delivery log.
  'GET /api/admin/webhooks': ADMIN,
  'POST /api/admin/webhooks': ADMIN,
  'PUT /api/admin/webhooks/{id}/active': ADMIN,
  'GET /api/admin/webhooks/deliveries': [...ADMIN, 'token_webhooks'],
  'POST /api/admin/webhooks/deliveries/{id}/resend': [...ADMIN, 'token_webhooks'],
  'GET /api/admin/api-tokens': ADMIN,
  'POST /api/admin/api-tokens': ADMIN,
  'DELETE /api/admin/api-tokens/{id}': ADMIN,
  // Hall board media: the admin uploads and removes; the board lists (the files themselves are public, /media/…).
  'GET /api/media': ['hall_board', 'admin'],
  'POST /api/admin/media': ADMIN,
  'DELETE /api/admin/media/{id}': ADMIN,
};

/** Codes that refuse a caller for who they are, as opposed to what they asked. */
export const refusalsOfIdentity = ['UNAUTHENTICATED', 'DEVICE_REQUIRED', 'FORBIDDEN', 'DEVICE_NOT_ALLOWED', 'TOKEN_SCOPE_MISSING'] as const;

/**
 * The live streams each identity gets on /ws (`device` stands for its own `device:<id>` stream, `counter` for
 * its counter's); any other stream it asks to resync is refused. Anonymous peers are closed (4001).
 */
export const streams: Record<Identity, readonly string[] | 'closed'> = {
  anonymous: 'closed',
  kiosk: ['hall', 'device'],
  hall_board: ['hall', 'device'],
  counter_display: ['counter', 'device'],
  officer: ['center'],
  supervisor: ['center'],
  admin: ['center'],
  // API tokens have no live stream (they read GET /api/live with live:read).
  token_reports: 'closed',
  token_live: 'closed',
  token_webhooks: 'closed',
  token_tickets: 'closed',
};
