"""The benchmark suite run by bench/run (see docs/performance.md)."""
