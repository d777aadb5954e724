package agents

import "testing"

// FuzzDeploy: with any wanted counts, the deployment never exceeds a slot's
// want, deploys as many as possible, and keeps Firm/Bin consistent.
func FuzzDeploy(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3}, 5, 2)
	f.Add([]byte{}, 0, 1)
	f.Add([]byte{255, 0, 7}, 1, 3)
	f.Fuzz(func(t *testing.T, wants []byte, agents, bins int) {
		if bins <= 0 || bins > 50 || agents < 0 || agents > 2000 || len(wants) == 0 || len(wants)%bins != 0 {
			return
		}
		want := make([]int32, len(wants))
		total := 0
		for i, w := range wants {
			want[i] = int32(w % 16)
			total += int(want[i])
		}
		ai := make([]AIAgent, agents)
		for i := range ai {
			ai[i].Firm = Idle
			if i%3 == 0 {
				ai[i].Firm, ai[i].Bin = int32((i/bins)%(len(want)/bins)), int16(i%bins)
			}
		}
		count := make([]int32, len(want))
		n := Deploy(ai, want, count, bins)
		if n != min(total, agents) {
			t.Fatalf("deployed %d, want min(%d, %d)", n, total, agents)
		}
		seen := make([]int32, len(want))
		for _, a := range ai {
			if a.Firm != Idle {
				seen[int(a.Firm)*bins+int(a.Bin)]++
			}
		}
		for k := range want {
			if seen[k] != count[k] || count[k] > want[k] {
				t.Fatalf("slot %d: %d agents, count %d, want %d", k, seen[k], count[k], want[k])
			}
		}
	})
}
