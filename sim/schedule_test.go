package sim

import "testing"

// TestScheduleAwaitsEverySideTask checks each economy's schedule: every
// side task is awaited by an unconditional wait before the next side task
// starts and before the step ends, every line has a function but the
// unconditional waits, and the names are unique.
func TestScheduleAwaitsEverySideTask(t *testing.T) {
	for name, lines := range map[string][]phase{"frictional": frictionalSchedule, "frictionless": frictionlessSchedule} {
		running := ""
		seen := map[string]bool{}
		for _, p := range lines {
			if seen[p.name] {
				t.Errorf("%s: line %q twice", name, p.name)
			}
			seen[p.name] = true
			switch {
			case p.kind == sideTask && running != "":
				t.Errorf("%s: side task %q starts while %q runs", name, p.name, running)
			case p.kind == sideTask:
				running = p.name
			case p.kind == sideWait && p.fn == nil:
				running = ""
			case p.fn == nil:
				t.Errorf("%s: line %q has no function", name, p.name)
			}
		}
		if running != "" {
			t.Errorf("%s: side task %q still runs at the end of the step", name, running)
		}
	}
}
