"""Checks your answers to the "Allocators, Measurement and the Hardware" exercises.

    python exercises.py              # checks answers.py, next to this file
    python exercises.py my_file.py   # checks another file

Each exercise runs in its own Python process with a time limit, so a syntax
error, an exception or an endless loop in one exercise is reported in one line
and the others are still checked. The machinery is in ../../exercise_checker.py.
"""
import pathlib
import sys
import tracemalloc

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))
from exercise_checker import Wrong, expect_type, main  # noqa: E402


def allocate_half_a_mebibyte():
    block = bytearray(512 * 1024)
    return len(block)


def check_peak_kib(answers):
    peak = answers["peak_kib"](allocate_half_a_mebibyte)
    expect_type(peak, (int, float), "a number of KiB")
    if tracemalloc.is_tracing():
        raise Wrong("tracemalloc is still running: stop it when you are done")
    if not 500 <= peak <= 700:
        raise Wrong(f"a call that allocates 512 KiB peaked at {peak:.0f} KiB by your measure. "
                    "Hint: tracemalloc.get_traced_memory() returns (current, peak) in bytes")


# Lines of a Linux /proc/self/status, with made-up values.
STATUS = """Name:\tpython3
Umask:\t0022
State:\tR (running)
Pid:\t4242
VmPeak:\t  301572 kB
VmSize:\t  287236 kB
VmLck:\t       0 kB
VmHWM:\t  118404 kB
VmRSS:\t  {rss} kB
RssAnon:\t   {anon} kB
VmData:\t  104116 kB
Threads:\t1
"""


def check_rss_kib(answers):
    for rss in (95012, 8192):
        found = answers["rss_kib"](STATUS.format(rss=rss, anon=rss - 4000))
        expect_type(found, int, "a whole number of KiB")
        if found != rss:
            hint = {301572: "VmPeak is the most address space ever mapped",
                    287236: "VmSize counts address space, resident or not",
                    118404: "VmHWM is the peak of the resident set, not its size now",
                    rss - 4000: "RssAnon is only the anonymous part of the resident set",
                    rss * 1024: "the values are already in KiB"}.get(found, "read the VmRSS line")
            raise Wrong(f"for a process whose VmRSS line says {rss} kB you returned {found}. Hint: {hint}")


def check_read_times(answers):
    for reads in (1_000_000, 3_000):
        outcome = answers["read_times"](reads)
        expect_type(outcome, tuple, "a tuple (seconds from RAM, seconds from L1)")
        if len(outcome) != 2:
            raise Wrong(f"should return 2 numbers, returned {len(outcome)}")
        from_ram, from_l1 = outcome
        # The table gives ranges: accept anything within them, near enough.
        if not 50e-9 * reads <= from_ram <= 200e-9 * reads:
            raise Wrong(f"{reads:,} reads from RAM: you said {from_ram!r} s. "
                        "Hint: 100 ns is 100e-9 seconds; multiply by the number of reads")
        if not 0.3e-9 * reads <= from_l1 <= 5e-9 * reads:
            raise Wrong(f"{reads:,} reads from L1: you said {from_l1!r} s. Hint: about 1 ns each")


EXERCISES = {
    1: ("the peak memory of a call", check_peak_kib),
    2: ("read the resident set size", check_rss_kib),
    3: ("what a cache miss costs", check_read_times),
}

if __name__ == "__main__":
    sys.exit(main(EXERCISES, __file__, sys.argv[1:]))
