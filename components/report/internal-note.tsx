/** Staff's note on a version, on staff and committee pages only (never passed to a public one). */
export function InternalNote({ label, note }: { label: string; note: string }) {
  return (
    <div className="rounded-md border border-slate-300 bg-slate-50 p-4">
      <p className="font-medium text-slate-900">{label}</p>
      <p className="whitespace-pre-line break-words text-slate-800">{note}</p>
    </div>
  );
}
