"""Benchmarks and quality evaluations, run by `make bench` (python -m bench)."""
