/**
 * What deleting a client removed, handed from the client page (which no longer exists once the
 * client is gone) to the client list, which shows it once.
 */
import type { ClientDeletion } from '../../../shared/contract/entities.ts';

export interface DeletionReportData extends ClientDeletion {
  clientName: string;
}

let pending: DeletionReportData | null = null;

export function setDeletionReport(report: DeletionReportData): void {
  pending = report;
}

export function pendingDeletionReport(): DeletionReportData | null {
  return pending;
}

export function clearDeletionReport(): void {
  pending = null;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
