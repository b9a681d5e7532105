import { addContribution, addScore, emptyCell, isWithinTarget, type Cell, type RatedVisit } from '../../reports/cells.ts';
import { arrivalHour, type Contribution, type FoldTicket } from '../../reports/ticket-fold.ts';

export interface GroupCell {
  day: string;
  field: number;
  counter: number;
  officer: number;
  cell: Cell;
}

export interface HourCell {
  day: string;
  hour: number;
  cell: Cell;
}

/**
 * One batch's share of a center's rollups: cells per service day × field × counter × officer, and per service
 * day × arrival hour. Filled by the center's own fold (reports/ticket-fold.ts `step`) and the same contribution
 * rule as the center's rollups (reports/cells.ts `addContribution`), so every grouping of them adds up to the
 * center's figures exactly.
 */
export class HubCells {
  readonly groups = new Map<string, GroupCell>();
  readonly hours = new Map<string, HourCell>();

  add(ticket: FoldTicket, c: Contribution, targetMs: (fieldId: number) => number): void {
    const within = isWithinTarget(c, targetMs);
    addContribution(this.group(ticket.serviceDay, c.field, c.counter, c.officer), c, within);
    addContribution(this.hour(ticket.serviceDay, arrivalHour(ticket)), c, within);
  }

  addRating(r: RatedVisit): void {
    if (addScore(this.group(r.ticket.serviceDay, r.field, r.counter, r.officer), r.score)) addScore(this.hour(r.ticket.serviceDay, arrivalHour(r.ticket)), r.score);
  }

  private group(day: string, field: number, counter: number, officer: number): Cell {
    const id = `${day}|${field}|${counter}|${officer}`;
    let entry = this.groups.get(id);
    if (!entry) {
      entry = { day, field, counter, officer, cell: emptyCell() };
      this.groups.set(id, entry);
    }
    return entry.cell;
  }

  private hour(day: string, hour: number): Cell {
    const id = `${day}|${hour}`;
    let entry = this.hours.get(id);
    if (!entry) {
      entry = { day, hour, cell: emptyCell() };
      this.hours.set(id, entry);
    }
    return entry.cell;
  }
}
