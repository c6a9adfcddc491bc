/** Days after a case closes before the reporter's contact is erased (MONITORING_CONTACT_RETENTION_DAYS, default 180). */
export function contactRetentionDays(): number {
  const value = Number(process.env.MONITORING_CONTACT_RETENTION_DAYS ?? "");
  return Number.isInteger(value) && value > 0 ? value : 180;
}
