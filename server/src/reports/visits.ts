import type { Db } from '../db/open-db.ts';
import { perConnection } from '../db/prepared.ts';

/** One finished visit: where, by whom, when, and the dossier code the officer typed at finish. */
export interface VisitRow {
  serviceDay: string;
  number: string;
  field: string;
  counter: number | null;
  officer: string | null;
  issuedAt: number;
  finishedAt: number;
  dossierCode: string | null;
}

const statements = perConnection((sqlite) => ({
  visits: sqlite.prepare(
    `SELECT t.service_day AS serviceDay, t.number, f.name_vi AS field, c.number AS counter, s.display_name AS officer,
       t.issued_at AS issuedAt, e.at AS finishedAt, json_extract(e.data, '$.dossierCode') AS dossierCode
     FROM events e JOIN tickets t ON t.id = e.ticket_id JOIN fields f ON f.id = e.field_id
       LEFT JOIN counters c ON c.id = e.counter_id LEFT JOIN staff s ON s.id = e.actor_id
     WHERE e.type = 'done' AND t.service_day BETWEEN ? AND ? ORDER BY e.at, e.id`,
  ),
}));

export const visitRows = (db: Db, from: string, to: string) => statements(db).visits.all(from, to) as VisitRow[];

/** The visits as CSV (UTF-8 with BOM, CRLF, RFC 4180 quoting), times in Viet Nam's local time. */
export function visitsCsv(rows: readonly VisitRow[], lang: 'vi' | 'en'): Buffer {
  const head =
    lang === 'vi'
      ? ['Ngày', 'Số thứ tự', 'Lĩnh vực', 'Quầy', 'Cán bộ', 'Giờ lấy số', 'Giờ hoàn thành', 'Mã hồ sơ']
      : ['Day', 'Number', 'Field', 'Counter', 'Officer', 'Issued at', 'Finished at', 'Dossier code'];
  const quote = (cell: string) => (/[",;\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const local = (ms: number) => new Date(Math.round(ms) + 7 * 3_600_000).toISOString().slice(11, 19);
  const lines = [
    head.join(','),
    ...rows.map((r) => [r.serviceDay, r.number, r.field, r.counter === null ? '' : String(r.counter), r.officer ?? '', local(r.issuedAt), local(r.finishedAt), r.dossierCode ?? ''].map(quote).join(',')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
