// Placeholder until the statements list lands (helper work in progress).
export function StatementsPage() {
  return null;
}
