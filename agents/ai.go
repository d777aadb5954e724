package agents

// AIAgent is one AI agent, a "virtual colleague": deployed at one firm in
// one task bin (Firm = -1 when idle), owned by an AI provider (Owner = -1)
// or by a person (a worker index, under the compute-budget policy).
type AIAgent struct {
	Firm         int32
	Bin          int16
	Owner        int32
	Productivity float32 // human-efficiency units of work per month
}

// Idle is the Firm value of an undeployed AI agent.
const Idle = -1

// Deploy moves AI agents so that firm-bin slot k (k = firm·bins + bin)
// holds want[k] agents, keeping every agent that can stay where it is.
// count is scratch of len(want) and returns the slots' final counts. Agents
// are visited in index order, so the assignment is deterministic. It returns
// the number deployed.
func Deploy(agents []AIAgent, want, count []int32, bins int) int {
	clear(count)
	deployed := 0
	for i := range agents {
		a := &agents[i]
		if a.Firm == Idle {
			continue
		}
		k := int(a.Firm)*bins + int(a.Bin)
		if count[k] < want[k] {
			count[k]++
			deployed++
			continue
		}
		a.Firm = Idle
	}
	slot := 0
	for i := range agents {
		a := &agents[i]
		if a.Firm != Idle {
			continue
		}
		for slot < len(want) && count[slot] >= want[slot] {
			slot++
		}
		if slot == len(want) {
			break
		}
		a.Firm, a.Bin = int32(slot/bins), int16(slot%bins)
		count[slot]++
		deployed++
	}
	return deployed
}
