"""Benchmarks behind `financials bench`: each section times our code and its named peer in
the same run, on the same data, and prints the figures and the ratio."""
