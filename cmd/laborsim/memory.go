package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// A memoryLimit is the most memory a run may take, and where the figure
// came from, for the message.
type memoryLimit struct {
	bytes  int64 // 0: unknown, nothing is refused
	source string
}

// machineMemory is the memory this process can have: the machine's
// (MemTotal in /proc/meminfo) or, when lower, its cgroup's limit
// (memory.max of cgroup v2, as a batch job or a container sets it). It is
// what the machine has at all, not what is free now: a run refused by it
// could never finish here.
func machineMemory() memoryLimit {
	var m memoryLimit
	if kb := meminfoKB("/proc/meminfo", "MemTotal"); kb > 0 {
		m = memoryLimit{kb << 10, "this machine has (MemTotal in /proc/meminfo)"}
	}
	if b := cgroupMax("/proc/self/cgroup", "/sys/fs/cgroup"); b > 0 && (m.bytes == 0 || b < m.bytes) {
		m = memoryLimit{b, "this process's cgroup may use (memory.max)"}
	}
	return m
}

// meminfoKB is the value, in kB, of a field of /proc/meminfo; 0 if absent.
func meminfoKB(path, field string) int64 {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, rest, ok := strings.Cut(sc.Text(), ":")
		if !ok || name != field {
			continue
		}
		kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
		return kb
	}
	return 0
}

// cgroupMax is the memory.max of the cgroup v2 this process is in, in
// bytes; 0 for none ("max") or if it cannot be read.
func cgroupMax(self, root string) int64 {
	data, err := os.ReadFile(self)
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if path, ok := strings.CutPrefix(line, "0::"); ok { // the v2 hierarchy
			max, err := os.ReadFile(root + path + "/memory.max")
			if err != nil {
				return 0
			}
			b, _ := strconv.ParseInt(strings.TrimSpace(string(max)), 10, 64)
			return b
		}
	}
	return 0
}

// checkMemory refuses a run whose memory estimate is more than the limit,
// naming the estimate and the flags of its largest part.
func checkMemory(cfg sim.Config, limit memoryLimit) error {
	est := cfg.MemoryEstimate()
	if limit.bytes <= 0 || est <= limit.bytes {
		return nil
	}
	var big sim.MemoryTerm
	for _, t := range cfg.MemoryTerms() {
		if t.Bytes > big.Bytes {
			big = t
		}
	}
	return usagef("the run needs about %s of memory, %s of it for %s, more than the %s %s",
		bytesText(est), bytesText(big.Bytes), big.Flags, bytesText(limit.bytes), limit.source)
}

// bytesText writes a size in the largest unit that keeps it at 1 or more.
func bytesText(b int64) string {
	v, units := float64(b), []string{"B", "kB", "MB", "GB", "TB", "PB"}
	i := 0
	for v >= 1000 && i < len(units)-1 {
		v /= 1000
		i++
	}
	return fmt.Sprintf("%.3g %s", v, units[i])
}

// checkSweepMemory refuses a sweep whose --jobs largest runs, held at once,
// would not fit: the largest run's estimate times the runs at once (never
// more than there are runs), before any run starts.
func checkSweepMemory(runs []experiments.Run, jobs int, limit memoryLimit) error {
	if len(runs) == 0 || limit.bytes <= 0 {
		return nil
	}
	big := runs[0].Config
	for _, r := range runs[1:] {
		if r.Config.MemoryEstimate() > big.MemoryEstimate() {
			big = r.Config
		}
	}
	at := int64(min(jobs, len(runs)))
	if est := big.MemoryEstimate(); est*at > limit.bytes {
		return usagef("the sweep needs about %s of memory for --jobs %d runs at once of up to %s each, more than the %s %s; lower --jobs or the largest run",
			bytesText(est*at), at, bytesText(est), bytesText(limit.bytes), limit.source)
	}
	return nil
}
