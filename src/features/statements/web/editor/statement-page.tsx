// Placeholder until the editor page lands (helper work in progress).
export function StatementPage() {
  return null;
}
