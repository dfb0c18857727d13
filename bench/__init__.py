"""Benchmarks for GroupKeeper's performance targets (DESIGN.md, "Quality bars").

Run ``python -m bench`` (or ``--quick`` for fewer repetitions). Each ``bench_*.py`` module
in this package measures something against a baseline taken in the same run, so the
ratios mean the same on a fast or a slow machine. See ``bench/common.py`` for the
contract a benchmark module follows.
"""
