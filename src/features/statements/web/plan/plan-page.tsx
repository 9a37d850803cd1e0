// Placeholder until the plan page lands (helper work in progress).
export function PlanPage() {
  return null;
}
